using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OData;
using Microsoft.OData.Json;
using ServiceLifetime = Microsoft.Extensions.DependencyInjection.ServiceLifetime;

namespace ResourceHub.Api.OData;

/// <summary>
/// The service provider ODL asks its messages for: ODL's defaults, except that its UTF-8 JSON writer
/// (System.Text.Json underneath; the older text writer took twice as long per property) keeps 中文
/// readable in payloads with the same relaxed escaping as the rest of our JSON (<see cref="JsonOutput"/>).
/// </summary>
public static class ODataServices
{
    public static IServiceProvider Container { get; } = Build();

    private static IServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddDefaultODataServices();
        services.Replace(ServiceDescriptor.Singleton<IJsonWriterFactory>(new ODataUtf8JsonWriterFactory(JsonOutput.WriterOptions.Encoder)));
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
