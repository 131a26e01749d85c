using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Intake;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class ImportJobConfiguration : IEntityTypeConfiguration<ImportJob>
{
    public void Configure(EntityTypeBuilder<ImportJob> b)
    {
        b.ToTable("import_jobs");
        b.HasKey(j => j.Id);
        b.Property(j => j.OwnerOrg).HasMaxLength(64).IsRequired();
        b.Property(j => j.CreatedBy).HasMaxLength(128).IsRequired();
        b.Property(j => j.CreatedByName).HasMaxLength(200).IsRequired();
        b.Property(j => j.Role).HasMaxLength(32).IsRequired();
        b.Property(j => j.Source).HasMaxLength(2000).IsRequired();
        b.Property(j => j.State).HasMaxLength(20).IsRequired();
        b.Property(j => j.Error).HasMaxLength(2000);
        b.Property(j => j.LeaseOwner).HasMaxLength(200);
        b.Ignore(j => j.IsFinished);
        b.HasIndex(j => new { j.State, j.CreatedAt }); // the worker's claim query
        b.HasIndex(j => new { j.CreatedBy, j.Source }); // the CLI finds the unfinished run of the same package
    }
}

internal sealed class ImportRowConfiguration : IEntityTypeConfiguration<ImportRow>
{
    public void Configure(EntityTypeBuilder<ImportRow> b)
    {
        b.ToTable("import_rows");
        b.HasKey(r => new { r.JobId, r.Line });
        b.Property(r => r.ExternalId).HasMaxLength(ExternalResourceId.MaxLength);
        b.Property(r => r.Cells).IsRequired();
        b.Property(r => r.State).HasMaxLength(20).IsRequired();
        b.Ignore(r => r.IsDone);
        b.HasOne<ImportJob>().WithMany().HasForeignKey(r => r.JobId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExternalResourceIdConfiguration : IEntityTypeConfiguration<ExternalResourceId>
{
    public void Configure(EntityTypeBuilder<ExternalResourceId> b)
    {
        b.ToTable("resource_external_ids");
        b.HasKey(e => new { e.OwnerOrg, e.ExternalId });
        b.Property(e => e.OwnerOrg).HasMaxLength(64);
        b.Property(e => e.ExternalId).HasMaxLength(ExternalResourceId.MaxLength);
        b.HasOne<Resource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.ResourceId);
    }
}
