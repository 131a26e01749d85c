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
        b.Property(c => c.ResolvedBy).HasMaxLength(128);
        b.HasIndex(c => new { c.ResourceId, c.OtherResourceId, c.Method }).IsUnique();
        b.HasIndex(c => c.OtherResourceId);
        b.HasOne<Resource>().WithMany().HasForeignKey(c => c.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Resource>().WithMany().HasForeignKey(c => c.OtherResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResourceMergeConfiguration : IEntityTypeConfiguration<ResourceMerge>
{
    public void Configure(EntityTypeBuilder<ResourceMerge> b)
    {
        b.ToTable("resource_merges");
        b.HasKey(m => m.MergedId);
        b.Property(m => m.MergedBy).HasMaxLength(128).IsRequired();
        b.HasIndex(m => m.KeptId);
        b.HasOne<Resource>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Resource>().WithMany().HasForeignKey(m => m.KeptId).OnDelete(DeleteBehavior.Cascade);
    }
}
