using ResourceHub.Api.OData;

namespace ResourceHub.Api.Contests;

public static class ContestServices
{
    public static IServiceCollection AddResourceHubContests(this IServiceCollection services)
    {
        services.AddScoped<IOperationHandler, ContestOperations>();
        services.AddScoped<IEntitySetHandler, ContestHandler>();
        return services;
    }
}
