using System.Text.Json;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Curation;

/// <summary>The Rubrics collection and Rubrics(id) tell the same MaxTotal (the sum of the criteria).</summary>
public abstract class RubricListTests(string provider) : CurationApi(provider)
{
    protected async Task Collection_and_entity_agree_on_max_total()
    {
        var client = Teacher();
        var list = JsonDocument.Parse(await client.GetStringAsync("/odata/Rubrics")).RootElement.GetProperty("value").EnumerateArray().ToList();
        Assert.NotEmpty(list);
        foreach (var row in list)
        {
            var id = row.GetProperty("Id").GetString();
            var single = JsonDocument.Parse(await client.GetStringAsync($"/odata/Rubrics({id})")).RootElement;
            Assert.True(row.GetProperty("MaxTotal").GetDouble() > 0, $"rubric {id} lists MaxTotal 0");
            Assert.Equal(single.GetProperty("MaxTotal").GetDouble(), row.GetProperty("MaxTotal").GetDouble());
        }
        Assert.Contains(list, r => r.GetProperty("MaxTotal").GetDouble() == LessonCriteria.Sum(c => c.Max));
    }
}

public sealed class SqliteRubricListTests() : RubricListTests(DatabaseOptions.Sqlite)
{
    [Fact] public Task Max_total() => Collection_and_entity_agree_on_max_total();
}

[Trait("Provider", "postgres")]
public sealed class PostgresRubricListTests() : RubricListTests(DatabaseOptions.Postgres)
{
    [PostgresFact] public Task Max_total() => Collection_and_entity_agree_on_max_total();
}
