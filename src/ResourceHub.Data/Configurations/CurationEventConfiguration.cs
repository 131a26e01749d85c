using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Data.Configurations;

internal sealed class CurationEventConfiguration : IEntityTypeConfiguration<CurationEvent>
{
    public void Configure(EntityTypeBuilder<CurationEvent> b)
    {
        b.ToTable("curation_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.Action).HasMaxLength(40).IsRequired();
        b.Property(e => e.FromStatus).HasMaxLength(40).IsRequired();
        b.Property(e => e.ToStatus).HasMaxLength(40).IsRequired();
        b.Property(e => e.Level).HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(CurationWorkflow.MaxReasonLength);
        b.Property(e => e.ActorId).HasMaxLength(128).IsRequired();
        b.Property(e => e.ActorRole).HasMaxLength(40).IsRequired();
        b.Property(e => e.ActorOrg).HasMaxLength(64).IsRequired();
        b.HasIndex(e => new { e.ResourceId, e.Id });
        // ResourceId names a resource or a package (ICurated), so no foreign key: deleting either forgets these rows (CurationStore.ForgetAsync).
    }
}
