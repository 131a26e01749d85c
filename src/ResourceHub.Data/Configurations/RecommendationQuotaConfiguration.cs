using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Data.Configurations;

internal sealed class RecommendationQuotaConfiguration : IEntityTypeConfiguration<RecommendationQuota>
{
    public void Configure(EntityTypeBuilder<RecommendationQuota> b)
    {
        b.ToTable("recommendation_quotas");
        b.HasKey(q => q.Id);
        b.Property(q => q.Level).HasMaxLength(20).IsRequired();
        b.Property(q => q.RegionCode).HasMaxLength(64).IsRequired();
        b.Property(q => q.Subject).HasMaxLength(40).IsRequired();
        b.Property(q => q.Version).IsConcurrencyToken();
        b.HasIndex(q => new { q.Level, q.RegionCode, q.Subject, q.Year }).IsUnique();
    }
}
