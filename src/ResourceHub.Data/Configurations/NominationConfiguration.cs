using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

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
        b.HasOne<Resource>().WithMany().HasForeignKey(n => n.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
