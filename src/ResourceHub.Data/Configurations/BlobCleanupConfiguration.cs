using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Jobs;

namespace ResourceHub.Data.Configurations;

internal sealed class BlobCleanupConfiguration : IEntityTypeConfiguration<BlobCleanup>
{
    public void Configure(EntityTypeBuilder<BlobCleanup> b)
    {
        b.ToTable("blob_cleanups");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedOnAdd();
        b.Property(c => c.Key).HasMaxLength(1024).IsRequired();
        b.Property(c => c.LastError).HasMaxLength(2000);
        b.HasIndex(c => c.NotBefore); // the cleaner's "what is due" query
    }
}
