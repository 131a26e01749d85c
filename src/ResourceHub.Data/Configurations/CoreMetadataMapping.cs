using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

/// <summary>Columns of the <see cref="ICoreMetadata"/> fields, shared by resources and their pending revisions.</summary>
internal static class CoreMetadataMapping
{
    public static void Apply(EntityTypeBuilder b)
    {
        b.Property(nameof(ICoreMetadata.Kind)).HasMaxLength(40).IsRequired();
        b.Property(nameof(ICoreMetadata.Title)).HasMaxLength(ResourceValidator.MaxTitleLength).IsRequired();
        b.Property(nameof(ICoreMetadata.Description)).HasMaxLength(ResourceValidator.MaxDescriptionLength);
        b.Property(nameof(ICoreMetadata.Subject)).HasMaxLength(40).IsRequired();
        b.Property(nameof(ICoreMetadata.Stage)).HasMaxLength(40).IsRequired();
        b.Property(nameof(ICoreMetadata.Grade)).HasMaxLength(40);
        b.Property(nameof(ICoreMetadata.TrainingProject)).HasMaxLength(ResourceValidator.MaxProvenanceLength);
        b.Property(nameof(ICoreMetadata.Workshop)).HasMaxLength(ResourceValidator.MaxProvenanceLength);
        b.PrimitiveCollection(nameof(ICoreMetadata.Topics));
        b.PrimitiveCollection(nameof(ICoreMetadata.Tags));
    }
}
