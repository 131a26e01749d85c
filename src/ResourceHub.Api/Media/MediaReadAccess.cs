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
        var visible = VisibleResourceIds(context);
        return db.Renditions.Where(r => visible.Contains(r.ResourceId));
    }

    public IQueryable<MediaJob> Jobs(HttpContext context)
    {
        var visible = VisibleResourceIds(context);
        return db.MediaJobs.Where(j => visible.Contains(j.ResourceId));
    }

    private IQueryable<Guid> VisibleResourceIds(HttpContext context) =>
        db.Resources.Where(VisibilityScope.For(context.RequireCaller()).ToExpression()).Select(r => r.Id);
}
