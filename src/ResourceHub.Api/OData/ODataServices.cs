using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OData;
using Microsoft.OData.Json;
using ServiceLifetime = Microsoft.Extensions.DependencyInjection.ServiceLifetime;

namespace ResourceHub.Api.OData;

/// <summary>
/// The service provider ODL asks its messages for: ODL's defaults, except a JSON writer that escapes
/// only control characters, so 中文 stays readable in payloads (JSON needs no more).
/// </summary>
public static class ODataServices
{
    public static IServiceProvider Container { get; } = Build();

    private static IServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddDefaultODataServices();
        services.Replace(ServiceDescriptor.Singleton<IJsonWriterFactory>(new ODataJsonWriterFactory(ODataStringEscapeOption.EscapeOnlyControls)));
        // One provider for the process and no request scopes: a scoped ODL service must be transient here.
        // ODataMessageWriter takes its settings object from the provider (scoped in ODL 8) and copies the
        // caller's settings into it; resolved from the root, that would be one object mutated by every
        // concurrent response.
        for (var i = 0; i < services.Count; i++)
            if (services[i].Lifetime == ServiceLifetime.Scoped)
                services[i] = Transient(services[i]);
        return services.BuildServiceProvider();
    }

    private static ServiceDescriptor Transient(ServiceDescriptor scoped) =>
        scoped.ImplementationFactory is { } factory
            ? new ServiceDescriptor(scoped.ServiceType, factory, ServiceLifetime.Transient)
            : new ServiceDescriptor(scoped.ServiceType, scoped.ImplementationType!, ServiceLifetime.Transient);
}
