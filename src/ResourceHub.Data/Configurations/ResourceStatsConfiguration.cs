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
        // ResourceId names a resource or a package (ICurated), so the table has no foreign key (migration 0017): deleting
        // either forgets these rows (CurationStore.ForgetAsync). Resource.Stats is for reading a resource's row (a LEFT
        // JOIN for Downloads and Rating); a package's row simply matches no resource.
        b.HasOne<Resource>().WithOne(r => r.Stats).HasForeignKey<ResourceStats>(s => s.ResourceId).OnDelete(DeleteBehavior.ClientCascade);
        b.Ignore(s => s.RatingMean);
        // Not domain state: whether the search index still has to pick these figures up (see SearchStatsMarks).
        b.Property<int>(SearchStatsMarks.Property);
        b.HasIndex(SearchStatsMarks.Property).HasFilter($"\"{SearchStatsMarks.Property}\" <> 0");
    }
}
