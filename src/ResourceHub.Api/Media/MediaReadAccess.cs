using ResourceHub.Api.OData;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Jobs;
using ResourceHub.Domain.Renditions;

namespace ResourceHub.Api.Media;

/// <summary>Renditions and jobs are visible exactly when their resource is.</summary>
public sealed class MediaReadAccess(ResourceHubDbContext db)
{
    public IQueryable<Rendition> Renditions(HttpContext context) => Renditions(context.RequireCaller());

    public IQueryable<Rendition> Renditions(Caller caller)
    {
        var visible = VisibleResourceIds(caller);
        return db.Renditions.Where(r => visible.Contains(r.ResourceId));
    }

    public IQueryable<MediaJob> Jobs(HttpContext context)
    {
        var visible = VisibleResourceIds(context.RequireCaller());
        return db.MediaJobs.Where(j => visible.Contains(j.ResourceId));
    }

    private IQueryable<Guid> VisibleResourceIds(Caller caller) =>
        db.Resources.Where(VisibilityScope.For(caller).ToExpression()).Select(r => r.Id);
}
