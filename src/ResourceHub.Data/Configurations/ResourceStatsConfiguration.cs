using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Data.Configurations;

internal sealed class ResourceStatsConfiguration : IEntityTypeConfiguration<ResourceStats>
{
    public void Configure(EntityTypeBuilder<ResourceStats> b)
    {
        b.ToTable("resource_stats");
        b.HasKey(s => s.ResourceId);
        // ResourceId names a resource or a package (ICurated), so no foreign key: deleting either forgets these rows (CurationStore.ForgetAsync).
    }
}
