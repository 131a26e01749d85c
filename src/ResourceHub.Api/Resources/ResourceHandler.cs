using Microsoft.EntityFrameworkCore;
using Microsoft.OData.UriParser;
using ResourceHub.Api.Curation;
using ResourceHub.Api.OData.Querying;
using ResourceHub.Api.Search;
using ResourceHub.Api.Media;
using ResourceHub.Api.OData;
using ResourceHub.Application.Search;
using ResourceHub.Data;
using ResourceHub.Domain.Access;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;
using ResourceHub.Query.Model;
using ResourceHub.Query.OData;

namespace ResourceHub.Api.Resources;

/// <summary>
/// Create, read, update and delete of Resources; queries go through <see cref="QueryableSetHandler{T}"/>
/// over <see cref="Visible"/>; the file itself is <see cref="ResourceFileHandler"/>'s.
/// </summary>
public sealed class ResourceHandler(ResourceHubDbContext db, ODataJsonWriter writer, ResourceAuthoring authoring,
    ResourceReader reader) : QueryableSetHandler<Resource>(writer)
{
    protected override EntityDefinition<Resource> Definition => ResourceDefinition.Instance;

    protected override IQueryable<Resource> Readable(Caller caller) => Visible(caller);

    protected override void CheckQuery(Caller caller, EntityQuery query) => UploaderQueries.Check(caller, query);

    protected override void CheckGroups(Caller caller, ApplyQuery apply) => UploaderQueries.Check(caller, apply);

    /// <summary>Downloads and Rating come with the rows (one LEFT JOIN rather than a second query per page).</summary>
    protected override IQueryable<Resource> WithEntryData(IQueryable<Resource> rows) => rows.Include(r => r.Stats);

    /// <summary>Rows come through <see cref="WithEntryData"/>: a row without stats has none (nothing downloaded or rated yet).</summary>
    protected override async Task<IReadOnlyList<ODataEntry>> EntriesAsync(HttpContext context, Caller caller, IReadOnlyList<Resource> rows,
        EntityQuery query)
    {
        var shown = await reader.MaskAsync(caller, rows.ToList(), context.RequestAborted); // blind review
        return await ResourceEntries.BuildAsync(db, context.Request, shown, query.Select, query.Expand, context.RequestAborted, statsLoaded: true);
    }

    /// <summary>$search and facets are the search index's (src/ResourceHub.Api/Search); $apply alone the database's GROUP BY; the rest plain rows.</summary>
    public override async Task GetCollectionAsync(HttpContext context, ODataUriParser parser)
    {
        switch (QueryBackend.Choose(context.Request))
        {
            case QueryBackend.Kind.Database:
                await base.GetCollectionAsync(context, parser);
                return;
            case QueryBackend.Kind.Groups:
                await GetGroupsAsync(context, parser);
                return;
        }
        if (SearchQueryReader.Raw(context.Request, "apply") is not null)
        {
            // The index groups its matches itself; a shape it cannot express falls back to grouping its match ids in the
            // database (which re-checks visibility and $filter).
            var facets = SearchOptionsReader.Facets(context.Request);
            var resourceSearch = context.RequestServices.GetRequiredService<ResourceSearch>();
            await GetGroupsAsync(context, parser, async (who, query, ct) =>
            {
                var ids = (await resourceSearch.MatchIdsAsync(who, query, facets, ct)).ToArray();
                return Visible(who).Where(r => ids.Contains(r.Id));
            }, (who, query, apply, ct) => resourceSearch.GroupAsync(who, query, apply, facets, QueryLimits.Default.MaxGroups, ct));
            return;
        }
        var caller = context.RequireCaller();
        var search = context.RequestServices.GetRequiredService<SearchEndpoint>();
        // The index pages with its own cursor (score + key).
        var query = Translate(context, parser, except: ["skiptoken"]);
        if (SearchQueryReader.Raw(context.Request, "skiptoken") is { } token)
            query = query with { After = SearchQueryReader.DecodeCursor(token) };
        await search.HandleAsync(context, query, caller);
    }

    public override async Task GetCountAsync(HttpContext context, ODataUriParser parser)
    {
        QueryBackend.RefuseCountOfGroups(context.Request);
        if (QueryBackend.Choose(context.Request) != QueryBackend.Kind.Search)
        {
            await base.GetCountAsync(context, parser);
            return;
        }
        var query = Translate(context, parser, except: ["skiptoken"]);
        await context.RequestServices.GetRequiredService<SearchEndpoint>().CountAsync(context, query, context.RequireCaller());
    }

    public override Task GetValueAsync(HttpContext context, object key) =>
        context.RequestServices.GetRequiredService<ResourceFileHandler>().GetAsync(context, key);

    public override Task PutValueAsync(HttpContext context, object key) =>
        context.RequestServices.GetRequiredService<ResourceFileHandler>().PutAsync(context, key);

    public override async Task CreateAsync(HttpContext context)
    {
        var caller = context.RequireCaller();
        ResourceAuthoring.CheckCanCreate(caller); // before the body is read, as before the move
        var resource = await authoring.CreateAsync(caller, await ResourceInput.ReadAsync(context.Request), context.RequestAborted);
        await RespondCreatedAsync(context, resource);
    }

    public override async Task PatchAsync(HttpContext context, object key)
    {
        var edit = await authoring.BeginEditAsync(context.RequireCaller(), (Guid)key, CheckIfMatch(context), context.RequestAborted);
        var resource = await authoring.SaveEditAsync(edit, await ResourceInput.ReadAsync(context.Request), context.RequestAborted);
        SetETag(context, resource);
        if (Prefer.Representation(context.Request))
        {
            if (db.Entry(resource).State != EntityState.Detached)
                await db.Entry(resource).Reference(r => r.Stats).LoadAsync(context.RequestAborted); // Downloads, Rating
            context.Response.Headers["Preference-Applied"] = "return=representation";
            await Writer.WriteEntityAsync(context, ResourceDefinition.Instance, resource);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public override async Task DeleteAsync(HttpContext context, object key)
    {
        await authoring.DeleteAsync(context.RequireCaller(), (Guid)key, CheckIfMatch(context), context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>Resources({id})/Renditions, Resources({id})/Jobs and Resources({id})/Checks; 404 when the resource is not visible.</summary>
    public override async Task GetNavigationAsync(HttpContext context, object key, string navigation)
    {
        var resource = await FindVisibleAsync(context, key);
        var services = context.RequestServices;
        await (navigation switch
        {
            "Renditions" => services.GetRequiredService<RenditionHandler>().GetForResourceAsync(context, resource.Id),
            "Jobs" => services.GetRequiredService<MediaJobHandler>().GetForResourceAsync(context, resource.Id),
            "Checks" => services.GetRequiredService<UploadCheckHandler>().GetForResourceAsync(context, resource),
            _ => throw ODataProblem.NotFound($"资源路径不存在 (no such navigation): {navigation}"),
        });
    }

    internal IQueryable<Resource> Visible(Caller caller) => reader.Visible(caller);

    internal Task<Resource> FindVisibleAsync(HttpContext context, object key) =>
        reader.FindVisibleAsync(context.RequireCaller(), (Guid)key, context.RequestAborted);

    internal static Action<Resource> CheckIfMatch(HttpContext context) => r => Preconditions.CheckIfMatch(context.Request, r.ETag);

    internal static void SetETag(HttpContext context, Resource resource) => context.Response.Headers.ETag = resource.ETag;
}
