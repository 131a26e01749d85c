using Xunit.Abstractions;
using Xunit.Sdk;

namespace ResourceHub.Blobs.Tests.Support;

/// <summary>
/// A fact in the shared <see cref="BlobStoreContract"/>. The contract's methods are inherited by every adapter's
/// test class, so whether to skip depends on the class, which a plain attribute cannot see: the discoverer checks
/// for <see cref="RequiresS3Attribute"/> on the concrete class.
/// </summary>
[XunitTestCaseDiscoverer("ResourceHub.Blobs.Tests.Support.StoreFactDiscoverer", "ResourceHub.Blobs.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StoreFactAttribute : FactAttribute;

/// <summary>Marks a test class whose store is S3, so its <see cref="StoreFactAttribute"/> tests may be skipped.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresS3Attribute : Attribute;

public sealed class StoreFactDiscoverer : IXunitTestCaseDiscoverer
{
    private readonly IMessageSink _diagnostics;
    private readonly FactDiscoverer _facts;

    public StoreFactDiscoverer(IMessageSink diagnosticMessageSink)
    {
        _diagnostics = diagnosticMessageSink;
        _facts = new FactDiscoverer(diagnosticMessageSink);
    }

    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions discoveryOptions, ITestMethod testMethod,
        IAttributeInfo factAttribute)
    {
        var needsS3 = testMethod.TestClass.Class
            .GetCustomAttributes(typeof(RequiresS3Attribute).AssemblyQualifiedName).Any();
        if (needsS3 && S3TestEnvironment.SkipReason is { } reason)
        {
            return
            [
                new XunitSkippedDataRowTestCase(_diagnostics, discoveryOptions.MethodDisplayOrDefault(),
                    discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, reason),
            ];
        }
        return _facts.Discover(discoveryOptions, testMethod, factAttribute);
    }
}
