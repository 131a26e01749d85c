using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Contests;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class ContestConfiguration : IEntityTypeConfiguration<Contest>
{
    public void Configure(EntityTypeBuilder<Contest> b)
    {
        b.ToTable("contests");
        b.HasKey(c => c.Id);
        b.Property(c => c.Title).HasMaxLength(Contest.MaxTitleLength).IsRequired();
        b.Property(c => c.Rules).HasMaxLength(Contest.MaxRulesLength).IsRequired();
        b.Property(c => c.RegionOrg).HasMaxLength(64).IsRequired();
        b.Property(c => c.TrainingProject).HasMaxLength(CurationWorkflow.MaxReasonLength);
        b.Property(c => c.Phase).HasMaxLength(20).IsRequired();
        b.Property(c => c.CreatedBy).HasMaxLength(128).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.PrimitiveCollection(c => c.Kinds);
        b.PrimitiveCollection(c => c.Subjects);
        b.PrimitiveCollection(c => c.Stages);
        b.Ignore(c => c.PublicWeight);
        b.Ignore(c => c.PhaseDates);
        b.Ignore(c => c.PhaseEndsAt);
        b.HasIndex(c => c.RegionOrg);
        b.HasOne<Rubric>().WithMany().HasForeignKey(c => c.RubricId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContestEntryConfiguration : IEntityTypeConfiguration<ContestEntry>
{
    public void Configure(EntityTypeBuilder<ContestEntry> b)
    {
        b.ToTable("contest_entries");
        b.HasKey(e => e.Id);
        b.Property(e => e.EntrantId).HasMaxLength(128).IsRequired();
        b.Property(e => e.EntrantOrg).HasMaxLength(64).IsRequired();
        b.Property(e => e.Status).HasMaxLength(20).IsRequired();
        b.Property(e => e.StatusReason).HasMaxLength(CurationWorkflow.MaxReasonLength);
        b.Property(e => e.Award).HasMaxLength(20);
        b.Property(e => e.Version).IsConcurrencyToken();
        b.HasIndex(e => new { e.ContestId, e.ResourceId }).IsUnique(); // a resource is entered once per contest
        b.HasIndex(e => e.ResourceId);
        b.HasOne<Contest>().WithMany().HasForeignKey(e => e.ContestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Resource>().WithMany().HasForeignKey(e => e.ResourceId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContestVoteConfiguration : IEntityTypeConfiguration<ContestVote>
{
    public void Configure(EntityTypeBuilder<ContestVote> b)
    {
        b.ToTable("contest_votes");
        b.HasKey(v => v.Id);
        b.Property(v => v.VoterId).HasMaxLength(128).IsRequired();
        b.Property(v => v.VoterOrg).HasMaxLength(64).IsRequired();
        b.Property(v => v.Flags).HasMaxLength(100).IsRequired();
        // The allowance per voter, entry and day, enforced by the database: concurrent double votes cannot both count.
        b.HasIndex(v => new { v.EntryId, v.VoterId, v.Day, v.Slot }).IsUnique();
        b.HasIndex(v => new { v.ContestId, v.EntryId });
        b.HasIndex(v => new { v.ContestId, v.VoterId, v.At });
        b.HasOne<ContestEntry>().WithMany().HasForeignKey(v => v.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContestScoreConfiguration : IEntityTypeConfiguration<ContestScore>
{
    public void Configure(EntityTypeBuilder<ContestScore> b)
    {
        b.ToTable("contest_scores");
        b.HasKey(s => s.Id);
        b.Property(s => s.ExpertId).HasMaxLength(128).IsRequired();
        b.Property(s => s.ExpertOrg).HasMaxLength(64).IsRequired();
        b.Property(s => s.Comment).HasMaxLength(CurationWorkflow.MaxReasonLength);
        b.PrimitiveCollection(s => s.Scores);
        b.HasIndex(s => new { s.EntryId, s.ExpertId }).IsUnique(); // one score sheet per expert and entry
        b.HasIndex(s => s.ContestId);
        b.HasOne<ContestEntry>().WithMany().HasForeignKey(s => s.EntryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContestEventConfiguration : IEntityTypeConfiguration<ContestEvent>
{
    public void Configure(EntityTypeBuilder<ContestEvent> b)
    {
        b.ToTable("contest_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Action).HasMaxLength(20).IsRequired();
        b.Property(e => e.ActorId).HasMaxLength(128).IsRequired();
        b.Property(e => e.ActorOrg).HasMaxLength(64).IsRequired();
        b.Property(e => e.Reason).HasMaxLength(CurationWorkflow.MaxReasonLength);
        b.HasIndex(e => new { e.ContestId, e.At });
        b.HasOne<Contest>().WithMany().HasForeignKey(e => e.ContestId).OnDelete(DeleteBehavior.Cascade);
    }
}
