using ResourceHub.Api.OData;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Renditions;

namespace ResourceHub.Api.Media;

/// <summary>Renditions and jobs are visible exactly when their resource is.</summary>
public sealed class MediaReadAccess(ResourceHubDbContext db)
{
    public IQueryable<Rendition> Renditions(HttpContext context)
    {
        var visible = db.Resources.Where(VisibilityScope.For(context.RequireCaller()).ToExpression());
        return db.Renditions.Where(r => visible.Any(v => v.Id == r.ResourceId));
    }

    public IQueryable<MediaJob> Jobs(HttpContext context)
    {
        var visible = db.Resources.Where(VisibilityScope.For(context.RequireCaller()).ToExpression());
        return db.MediaJobs.Where(j => visible.Any(v => v.Id == j.ResourceId));
    }
}
