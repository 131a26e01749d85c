using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> b)
    {
        b.ToTable("review_cases");
        b.HasKey(c => c.ResourceId);
        b.HasOne<Resource>().WithOne().HasForeignKey<ReviewCase>(c => c.ResourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Rubric>().WithMany().HasForeignKey(c => c.RubricId).OnDelete(DeleteBehavior.Restrict);
    }
}
