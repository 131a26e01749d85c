using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Data.Outbox;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class ResourceStatsConfiguration : IEntityTypeConfiguration<ResourceStats>
{
    public void Configure(EntityTypeBuilder<ResourceStats> b)
    {
        b.ToTable("resource_stats");
        b.HasKey(s => s.ResourceId);
        b.HasOne<Resource>().WithOne(r => r.Stats).HasForeignKey<ResourceStats>(s => s.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(s => s.RatingMean);
        // Not domain state: whether the search index still has to pick these figures up (see SearchStatsMarks).
        b.Property<int>(SearchStatsMarks.Property);
        b.HasIndex(SearchStatsMarks.Property).HasFilter($"\"{SearchStatsMarks.Property}\" <> 0");
    }
}
