using Microsoft.EntityFrameworkCore;
using ResourceHub.Data.Outbox;
using ResourceHub.Domain.Courses;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Renditions;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Users;

namespace ResourceHub.Data;

/// <summary>
/// The system of record. One model for both providers; each entity's mapping lives in
/// Configurations/ so a new module adds a file rather than editing this class.
/// </summary>
public class ResourceHubDbContext(DbContextOptions<ResourceHubDbContext> options) : DbContext(options)
{
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<Course> Courses => Set<Course>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<User> Users => Set<User>();
    public DbSet<SearchOutboxEntry> SearchOutbox => Set<SearchOutboxEntry>();
    public DbSet<MediaJob> MediaJobs => Set<MediaJob>();
    public DbSet<Rendition> Renditions => Set<Rendition>();
    public DbSet<ResourceText> ResourceTexts => Set<ResourceText>();
    public DbSet<BlobCleanup> BlobCleanups => Set<BlobCleanup>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ResourceHubDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        VersionStamp.Apply(ChangeTracker);
        SearchOutboxRecorder.Record(ChangeTracker);
        SearchStatsMarks.Record(ChangeTracker);
        BlobCleanupRecorder.Record(ChangeTracker);
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        VersionStamp.Apply(ChangeTracker);
        SearchOutboxRecorder.Record(ChangeTracker);
        SearchStatsMarks.Record(ChangeTracker);
        BlobCleanupRecorder.Record(ChangeTracker);
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
