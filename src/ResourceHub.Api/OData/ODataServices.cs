using Microsoft.OData;
using Microsoft.OData.Json;
using MsDi = Microsoft.Extensions.DependencyInjection;
using ServiceLifetime = Microsoft.OData.ServiceLifetime;

namespace ResourceHub.Api.OData;

/// <summary>
/// The service container ODL 7.x asks its messages for: ODL's defaults, except a JSON writer that
/// escapes only control characters, so 中文 stays readable in payloads (JSON needs no more).
/// </summary>
public static class ODataServices
{
    public static IServiceProvider Container { get; } = Build();

    private static IServiceProvider Build()
    {
        var builder = new Builder();
        builder.AddDefaultODataServices();
        builder.AddService<IJsonWriterFactory>(ServiceLifetime.Singleton,
            _ => new DefaultJsonWriterFactory(ODataStringEscapeOption.EscapeOnlyControls));
        return builder.BuildContainer();
    }

    /// <summary>ODL's container contract over Microsoft.Extensions.DependencyInjection.</summary>
    private sealed class Builder : IContainerBuilder
    {
        private readonly MsDi.IServiceCollection _services = new MsDi.ServiceCollection();

        public IContainerBuilder AddService(ServiceLifetime lifetime, Type serviceType, Type implementationType)
        {
            _services.Add(new MsDi.ServiceDescriptor(serviceType, implementationType, Map(lifetime)));
            return this;
        }

        public IContainerBuilder AddService(ServiceLifetime lifetime, Type serviceType, Func<IServiceProvider, object> implementationFactory)
        {
            _services.Add(new MsDi.ServiceDescriptor(serviceType, implementationFactory, Map(lifetime)));
            return this;
        }

        public IServiceProvider BuildContainer() => MsDi.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(_services);

        // One container for the process and no request scopes: a scoped ODL service must be transient here.
        // ODataMessageWriter takes its settings object from the container and copies the caller's settings
        // into it, so a singleton would be one settings object mutated by every concurrent response.
        private static MsDi.ServiceLifetime Map(ServiceLifetime lifetime) =>
            lifetime == ServiceLifetime.Singleton ? MsDi.ServiceLifetime.Singleton : MsDi.ServiceLifetime.Transient;
    }
}
