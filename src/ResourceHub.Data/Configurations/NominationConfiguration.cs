using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Data.Configurations;

internal sealed class NominationConfiguration : IEntityTypeConfiguration<Nomination>
{
    public void Configure(EntityTypeBuilder<Nomination> b)
    {
        b.ToTable("nominations");
        b.HasKey(n => n.Id);
        b.Property(n => n.Level).HasMaxLength(20).IsRequired();
        b.Property(n => n.Reason).HasMaxLength(CurationWorkflow.MaxReasonLength).IsRequired();
        b.Property(n => n.NominatedBy).HasMaxLength(128).IsRequired();
        b.Property(n => n.NominatorOrg).HasMaxLength(64).IsRequired();
        b.HasIndex(n => new { n.ResourceId, n.Level, n.NominatedBy }).IsUnique();
        // ResourceId names a resource or a package (ICurated), so no foreign key: deleting either forgets these rows (CurationStore.ForgetAsync).
    }
}
