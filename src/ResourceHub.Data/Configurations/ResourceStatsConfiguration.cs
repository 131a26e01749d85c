using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class ResourceStatsConfiguration : IEntityTypeConfiguration<ResourceStats>
{
    public void Configure(EntityTypeBuilder<ResourceStats> b)
    {
        b.ToTable("resource_stats");
        b.HasKey(s => s.ResourceId);
        b.HasOne<Resource>().WithOne().HasForeignKey<ResourceStats>(s => s.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}
