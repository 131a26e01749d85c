using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Data.Outbox;

namespace ResourceHub.Data.Configurations;

internal sealed class SearchOutboxConfiguration : IEntityTypeConfiguration<SearchOutboxEntry>
{
    public void Configure(EntityTypeBuilder<SearchOutboxEntry> b)
    {
        b.ToTable("search_outbox");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        // The indexer's "next batch" query: pending rows in id order.
        b.HasIndex(e => new { e.ProcessedAt, e.Id });
    }
}
