using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Duplicates;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class DuplicateSignatureConfiguration : IEntityTypeConfiguration<DuplicateSignature>
{
    public void Configure(EntityTypeBuilder<DuplicateSignature> b)
    {
        b.ToTable("duplicate_signatures");
        b.HasKey(s => new { s.ResourceId, s.Method });
        b.Property(s => s.Method).HasMaxLength(16);
        b.Property(s => s.Data).IsRequired();
        b.HasOne<Resource>().WithMany().HasForeignKey(s => s.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DuplicateBandConfiguration : IEntityTypeConfiguration<DuplicateBand>
{
    public void Configure(EntityTypeBuilder<DuplicateBand> b)
    {
        b.ToTable("duplicate_bands");
        b.HasKey(x => new { x.Method, x.Hash, x.ResourceId });
        b.Property(x => x.Method).HasMaxLength(16);
        b.HasIndex(x => x.ResourceId);
        b.HasOne<Resource>().WithMany().HasForeignKey(x => x.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
