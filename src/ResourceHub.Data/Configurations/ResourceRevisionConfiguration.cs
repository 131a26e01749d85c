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
        CoreMetadataMapping.Apply(b);
        b.Property(r => r.CreatedBy).HasMaxLength(128).IsRequired();
        b.OwnsOne(r => r.File, ResourceFileMapping.Apply);
        b.HasIndex(r => r.Status);
        b.HasOne<Resource>().WithOne().HasForeignKey<ResourceRevision>(r => r.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
