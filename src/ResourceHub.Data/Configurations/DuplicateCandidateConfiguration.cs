using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Duplicates;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class DuplicateCandidateConfiguration : IEntityTypeConfiguration<DuplicateCandidate>
{
    public void Configure(EntityTypeBuilder<DuplicateCandidate> b)
    {
        b.ToTable("duplicate_candidates");
        b.HasKey(c => c.Id);
        b.Property(c => c.Method).HasMaxLength(16).IsRequired();
        b.HasIndex(c => new { c.ResourceId, c.OtherResourceId, c.Method }).IsUnique();
        b.HasIndex(c => c.OtherResourceId);
        b.HasOne<Resource>().WithMany().HasForeignKey(c => c.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Resource>().WithMany().HasForeignKey(c => c.OtherResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
