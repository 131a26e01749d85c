using ResourceHub.Data;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>Clients discover curation from $metadata: bound operations in namespace ResourceHub, sets and navigations.</summary>
public sealed class CurationMetadataTests() : CurationApi(DatabaseOptions.Sqlite)
{
    [Fact]
    public async Task Metadata_declares_the_operations_sets_and_navigations()
    {
        var response = await Api.ClientAs(null).GetAsync("/odata/$metadata");
        var xml = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, xml);
        foreach (var action in new[] { "Submit", "Review", "Nominate", "Recommend", "Retire", "Rate" })
            Assert.Contains($"<Action Name=\"{action}\" IsBound=\"true\"", xml);
        Assert.Contains("<Function Name=\"ReviewQueue\" IsBound=\"true\"", xml);
        Assert.Contains("<Parameter Name=\"bindingParameter\" Type=\"Collection(ResourceHub.Resource)\"", xml);
        Assert.Contains("<Parameter Name=\"scores\" Type=\"Collection(ResourceHub.CriterionScore)\"", xml);
        foreach (var set in new[] { "Reviews", "History", "Nominations", "Rubrics", "Quotas" })
            Assert.Contains($"<EntitySet Name=\"{set}\"", xml);
        foreach (var nav in new[] { "Reviews", "History", "Nominations", "Stats", "Revision" })
            Assert.Contains($"<NavigationProperty Name=\"{nav}\"", xml);
        Assert.Contains("<Property Name=\"RecommendationLevel\" Type=\"Edm.String\"", xml);
        Assert.Contains("<Property Name=\"QualityScore\" Type=\"Edm.Double\"", xml);
    }
}
