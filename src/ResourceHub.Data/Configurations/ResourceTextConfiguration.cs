using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class ResourceTextConfiguration : IEntityTypeConfiguration<ResourceText>
{
    public void Configure(EntityTypeBuilder<ResourceText> b)
    {
        b.ToTable("resource_texts");
        b.HasKey(t => t.ResourceId);
        b.Property(t => t.Text).IsRequired();
        b.HasOne<Resource>().WithOne().HasForeignKey<ResourceText>(t => t.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
