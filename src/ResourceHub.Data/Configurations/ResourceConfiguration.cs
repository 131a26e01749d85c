using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> b)
    {
        b.ToTable("resources");
        b.HasKey(r => r.Id);
        CoreMetadataMapping.Apply(b);
        b.Property(r => r.OwnerOrg).HasMaxLength(64).IsRequired();
        b.Property(r => r.CreatedBy).HasMaxLength(128).IsRequired();
        b.Property(r => r.Status).HasMaxLength(40).IsRequired();
        b.Property(r => r.RecommendationLevel).HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.ETag);
        b.OwnsOne(r => r.File, f =>
        {
            ResourceFileMapping.Apply(f);
            f.HasIndex(x => x.Sha256); // exact duplicates are found by it at every upload
        });
        b.HasIndex(r => new { r.Subject, r.Stage });
        b.HasIndex(r => r.Kind);
        b.HasIndex(r => r.Status);
        b.HasIndex(r => r.OwnerOrg);
        b.HasIndex(r => new { r.UpdatedAt, r.Id });
        b.HasIndex(r => new { r.CreatedAt, r.Id });
    }
}
