using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Curation;

/// <summary>Puts the system rubrics (from the training documents) into a database that lacks them, at startup.</summary>
public sealed class RubricSeeder(ResourceHubDbContext db)
{
    public async Task EnsureAsync(CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        foreach (var rubric in new[] { SeedRubrics.Lesson("", now), SeedRubrics.Training("", now) })
            if (!await db.Set<Rubric>().AnyAsync(r => r.Id == rubric.Id, ct))
                db.Add(rubric);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); // another process seeded them first
        }
    }
}
