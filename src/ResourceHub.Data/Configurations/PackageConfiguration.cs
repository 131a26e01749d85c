using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Packages;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class PackageConfiguration : IEntityTypeConfiguration<Package>
{
    public void Configure(EntityTypeBuilder<Package> b)
    {
        b.ToTable("packages");
        b.HasKey(p => p.Id);
        b.Property(p => p.Title).HasMaxLength(200).IsRequired();
        b.Property(p => p.Subject).HasMaxLength(40).IsRequired();
        b.Property(p => p.Stage).HasMaxLength(40).IsRequired();
        b.Property(p => p.Topic).HasMaxLength(40);
        b.Property(p => p.OwnerOrg).HasMaxLength(64).IsRequired();
        b.Property(p => p.CreatedBy).HasMaxLength(128).IsRequired();
        b.Property(p => p.Status).HasMaxLength(20).IsRequired();
        b.Property(p => p.Kind).HasMaxLength(20).IsRequired();
        b.Property(p => p.RecommendationLevel).HasMaxLength(20);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.OwnerOrg);
        b.HasMany(p => p.Sections).WithOne().HasForeignKey(s => s.PackageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PackageSectionConfiguration : IEntityTypeConfiguration<PackageSection>
{
    public void Configure(EntityTypeBuilder<PackageSection> b)
    {
        b.ToTable("package_sections");
        b.HasKey(s => s.Id);
        b.Property(s => s.Title).HasMaxLength(200).IsRequired();
        b.HasIndex(s => new { s.PackageId, s.Position }).IsUnique();
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PackageItemConfiguration : IEntityTypeConfiguration<PackageItem>
{
    public void Configure(EntityTypeBuilder<PackageItem> b)
    {
        b.ToTable("package_items");
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.SectionId, i.Position }).IsUnique();
        b.HasOne<Resource>().WithMany().HasForeignKey(i => i.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BasketItemConfiguration : IEntityTypeConfiguration<BasketItem>
{
    public void Configure(EntityTypeBuilder<BasketItem> b)
    {
        b.ToTable("basket_items");
        b.HasKey(i => new { i.UserId, i.ResourceId });
        b.Property(i => i.UserId).HasMaxLength(128);
        b.HasOne<Resource>().WithMany().HasForeignKey(i => i.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BlobCrcConfiguration : IEntityTypeConfiguration<BlobCrc>
{
    public void Configure(EntityTypeBuilder<BlobCrc> b)
    {
        b.ToTable("blob_crcs");
        b.HasKey(c => c.BlobKey);
        b.Property(c => c.BlobKey).HasMaxLength(1024);
    }
}
