using ResourceHub.Api.OData;
using ResourceHub.Domain.Curation;

namespace ResourceHub.Api.Curation;

public static class CurationServices
{
    public static IServiceCollection AddResourceHubCuration(this IServiceCollection services)
    {
        services.AddScoped<CurationQueries>();
        services.AddScoped<RevisionReader>();
        services.AddScoped<RubricSeeder>();
        services.AddScoped<IOperationHandler, CurationOperations>();
        services.AddScoped<IEntitySetHandler, RubricHandler>();
        services.AddScoped<IEntitySetHandler, QuotaHandler>();
        services.AddScoped<IEntitySetHandler>(sp => new ReadOnlySetHandler<Review>(ReviewDefinition.Instance,
            sp.GetRequiredService<CurationQueries>().Reviews, key => r => r.Id == (Guid)key,
            q => q.OrderByDescending(r => r.CreatedAt), sp.GetRequiredService<ODataJsonWriter>()));
        services.AddScoped<IEntitySetHandler>(sp => new ReadOnlySetHandler<CurationEvent>(HistoryDefinition.Instance,
            sp.GetRequiredService<CurationQueries>().History, key => e => e.Id == (long)key,
            q => q.OrderByDescending(e => e.Id), sp.GetRequiredService<ODataJsonWriter>(),
            sp.GetRequiredService<CurationQueries>().ShownHistoryAsync));
        services.AddScoped<IEntitySetHandler>(sp => new ReadOnlySetHandler<Nomination>(NominationDefinition.Instance,
            sp.GetRequiredService<CurationQueries>().Nominations, key => n => n.Id == (Guid)key,
            q => q.OrderByDescending(n => n.At), sp.GetRequiredService<ODataJsonWriter>()));
        return services;
    }
}
