using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class RenditionConfiguration : IEntityTypeConfiguration<Rendition>
{
    public void Configure(EntityTypeBuilder<Rendition> b)
    {
        b.ToTable("renditions");
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasMaxLength(20).IsRequired();
        b.Property(r => r.ContentType).HasMaxLength(100).IsRequired();
        b.Property(r => r.BlobKey).HasMaxLength(255).IsRequired();
        b.Property(r => r.BlobPrefix).HasMaxLength(255).IsRequired();
        b.HasOne<Resource>().WithMany().HasForeignKey(r => r.ResourceId).OnDelete(DeleteBehavior.Cascade);
        // One set per resource: at most one rendition of each kind.
        b.HasIndex(r => new { r.ResourceId, r.Kind }).IsUnique();
    }
}
