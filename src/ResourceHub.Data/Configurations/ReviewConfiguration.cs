using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Data.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.ToTable("reviews");
        b.HasKey(r => r.Id);
        b.Property(r => r.ReviewerId).HasMaxLength(128).IsRequired();
        b.Property(r => r.ReviewerOrg).HasMaxLength(64).IsRequired();
        b.Property(r => r.Verdict).HasMaxLength(20).IsRequired();
        b.Property(r => r.Comment).HasMaxLength(CurationWorkflow.MaxReasonLength);
        b.PrimitiveCollection(r => r.Scores);
        // Distinct experts per round, enforced by the database as well as the workflow.
        b.HasIndex(r => new { r.ResourceId, r.Round, r.ReviewerId }).IsUnique();
        b.HasIndex(r => r.ReviewerId);
        // ResourceId names a resource or a package (ICurated), so no foreign key: deleting either forgets these rows (CurationStore.ForgetAsync).
        b.HasOne<Rubric>().WithMany().HasForeignKey(r => r.RubricId).OnDelete(DeleteBehavior.Restrict);
    }
}
