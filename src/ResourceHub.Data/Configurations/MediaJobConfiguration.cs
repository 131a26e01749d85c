using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class MediaJobConfiguration : IEntityTypeConfiguration<MediaJob>
{
    public void Configure(EntityTypeBuilder<MediaJob> b)
    {
        b.ToTable("media_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.Kind).HasMaxLength(20).IsRequired();
        b.Property(j => j.State).HasMaxLength(20).IsRequired();
        b.Property(j => j.LeaseOwner).HasMaxLength(200);
        b.Property(j => j.LastError).HasMaxLength(2000);
        b.Property(j => j.Stage).HasMaxLength(20);
        // Not an EF concurrency token: replacing a file cancels whatever state the job is in; claims
        // compare Version explicitly (MediaJobQueue).
        b.Ignore(j => j.IsActive);
        b.HasOne<Resource>().WithMany().HasForeignKey(j => j.ResourceId).OnDelete(DeleteBehavior.Cascade);
        // The claim query: due queued jobs and running jobs whose lease ran out.
        b.HasIndex(j => new { j.State, j.NextRunAt });
        b.HasIndex(j => new { j.ResourceId, j.CreatedAt });
    }
}
