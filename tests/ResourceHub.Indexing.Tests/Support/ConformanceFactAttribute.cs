using Xunit.Abstractions;
using Xunit.Sdk;

namespace ResourceHub.Indexing.Tests.Support;

/// <summary>Marks a conformance test class that needs a real Elasticsearch.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresElasticsearchAttribute : Attribute;

/// <summary>
/// A fact of the shared conformance suite. It runs for every engine, except that in classes marked
/// <see cref="RequiresElasticsearchAttribute"/> it is skipped, with the reason printed, when ES_URL is unset.
/// </summary>
[XunitTestCaseDiscoverer("ResourceHub.Indexing.Tests.Support.ConformanceFactDiscoverer", "ResourceHub.Indexing.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class ConformanceFactAttribute : FactAttribute;

public sealed class ConformanceFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute)
    {
        var needsElastic = method.TestClass.Class.ToRuntimeType().IsDefined(typeof(RequiresElasticsearchAttribute), inherit: false);
        var display = options.MethodDisplayOrDefault();
        var displayOptions = options.MethodDisplayOptionsOrDefault();
        if (needsElastic && ElasticEnvironment.SkipReason is { } reason)
            return [new SkippedTestCase(sink, display, displayOptions, method, reason)];
        return [new XunitTestCase(sink, display, displayOptions, method)];
    }
}

/// <summary>A test case skipped for a reason decided at discovery.</summary>
public sealed class SkippedTestCase : XunitTestCase
{
    private string _reason = "";

    [Obsolete("for deserialization only")]
    public SkippedTestCase() { }

    public SkippedTestCase(IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method, string reason)
        : base(sink, display, displayOptions, method)
    {
        // The base constructor already initialised SkipReason from the attribute (none); set ours.
        _reason = reason;
        SkipReason = reason;
    }

    protected override string GetSkipReason(IAttributeInfo factAttribute) => _reason;


    public override void Serialize(IXunitSerializationInfo data)
    {
        base.Serialize(data);
        data.AddValue("Reason", _reason);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        base.Deserialize(data);
        _reason = data.GetValue<string>("Reason");
        SkipReason = _reason;
    }
}
