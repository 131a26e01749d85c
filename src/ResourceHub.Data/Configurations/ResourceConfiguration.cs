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
        b.Property(r => r.Kind).HasMaxLength(40).IsRequired();
        b.Property(r => r.Title).HasMaxLength(ResourceValidator.MaxTitleLength).IsRequired();
        b.Property(r => r.Description).HasMaxLength(ResourceValidator.MaxDescriptionLength);
        b.Property(r => r.Subject).HasMaxLength(40).IsRequired();
        b.Property(r => r.Stage).HasMaxLength(40).IsRequired();
        b.Property(r => r.Grade).HasMaxLength(40);
        b.Property(r => r.OwnerOrg).HasMaxLength(64).IsRequired();
        b.Property(r => r.CreatedBy).HasMaxLength(128).IsRequired();
        b.Property(r => r.Status).HasMaxLength(40).IsRequired();
        b.Property(r => r.TrainingProject).HasMaxLength(ResourceValidator.MaxProvenanceLength);
        b.Property(r => r.Workshop).HasMaxLength(ResourceValidator.MaxProvenanceLength);
        b.Property(r => r.RecommendationLevel).HasMaxLength(20);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.Ignore(r => r.ETag);
        b.PrimitiveCollection(r => r.Topics);
        b.PrimitiveCollection(r => r.Tags);
        b.OwnsOne(r => r.File, f =>
        {
            f.Property(x => x.FileName).HasMaxLength(255);
            f.Property(x => x.ContentType).HasMaxLength(255);
            f.Property(x => x.Sha256).HasMaxLength(64);
            f.Property(x => x.BlobKey).HasMaxLength(255);
                    });
        b.HasIndex(r => new { r.Subject, r.Stage });
        b.HasIndex(r => r.Kind);
        b.HasIndex(r => r.Status);
        b.HasIndex(r => r.OwnerOrg);
        b.HasIndex(r => new { r.UpdatedAt, r.Id });
        b.HasIndex(r => new { r.CreatedAt, r.Id });
    }
}
