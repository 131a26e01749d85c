using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Data.Configurations;

internal sealed class ReviewCaseConfiguration : IEntityTypeConfiguration<ReviewCase>
{
    public void Configure(EntityTypeBuilder<ReviewCase> b)
    {
        b.ToTable("review_cases");
        b.HasKey(c => c.ResourceId);
        // ResourceId names a resource or a package (ICurated), so no foreign key: deleting either forgets these rows (CurationStore.ForgetAsync).
        b.HasOne<Rubric>().WithMany().HasForeignKey(c => c.RubricId).OnDelete(DeleteBehavior.Restrict);
    }
}
