using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Data.Configurations;

internal sealed class RubricConfiguration : IEntityTypeConfiguration<Rubric>
{
    public void Configure(EntityTypeBuilder<Rubric> b)
    {
        b.ToTable("rubrics");
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(200).IsRequired();
        b.Property(r => r.OwnerOrg).HasMaxLength(64).IsRequired();
        b.Property(r => r.Version).IsConcurrencyToken();
        b.PrimitiveCollection(r => r.Kinds);
        b.Ignore(r => r.MaxTotal);
        b.Ignore(r => r.Rules);
        b.HasMany(r => r.Criteria).WithOne().HasForeignKey(c => c.RubricId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RubricCriterionConfiguration : IEntityTypeConfiguration<RubricCriterion>
{
    public void Configure(EntityTypeBuilder<RubricCriterion> b)
    {
        b.ToTable("rubric_criteria");
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(100).IsRequired();
        b.Property(c => c.Description).HasMaxLength(500);
        b.HasIndex(c => new { c.RubricId, c.Position }).IsUnique();
    }
}
