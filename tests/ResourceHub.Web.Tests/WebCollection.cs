namespace ResourceHub.Web.Tests;

/// <summary>The web suites share one server and one browser (starting them, with demo videos transcoded, is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebServer>
{
    public const string Name = "web";
}
