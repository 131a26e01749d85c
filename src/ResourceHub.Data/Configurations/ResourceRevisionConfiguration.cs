using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class ResourceRevisionConfiguration : IEntityTypeConfiguration<ResourceRevision>
{
    public void Configure(EntityTypeBuilder<ResourceRevision> b)
    {
        b.ToTable("resource_revisions");
        b.HasKey(r => r.ResourceId);
        b.Property(r => r.Status).HasMaxLength(40).IsRequired();
        b.Property(r => r.Kind).HasMaxLength(40).IsRequired();
        b.Property(r => r.Title).HasMaxLength(ResourceValidator.MaxTitleLength).IsRequired();
        b.Property(r => r.Description).HasMaxLength(ResourceValidator.MaxDescriptionLength);
        b.Property(r => r.Subject).HasMaxLength(40).IsRequired();
        b.Property(r => r.Stage).HasMaxLength(40).IsRequired();
        b.Property(r => r.Grade).HasMaxLength(40);
        b.Property(r => r.TrainingProject).HasMaxLength(ResourceValidator.MaxProvenanceLength);
        b.Property(r => r.Workshop).HasMaxLength(ResourceValidator.MaxProvenanceLength);
        b.Property(r => r.CreatedBy).HasMaxLength(128).IsRequired();
        b.PrimitiveCollection(r => r.Topics);
        b.PrimitiveCollection(r => r.Tags);
        b.HasIndex(r => r.Status);
        b.HasOne<Resource>().WithOne().HasForeignKey<ResourceRevision>(r => r.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
