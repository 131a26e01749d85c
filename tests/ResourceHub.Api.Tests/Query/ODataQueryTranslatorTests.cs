using ResourceHub.Api.Courses;
using ResourceHub.Api.Resources;
using ResourceHub.Query.Model;
using ResourceHub.Query.OData;
using ResourceHub.Query.Paging;

namespace ResourceHub.Api.Tests.Query;

/// <summary>OData text → query model, checked through the model's canonical text.</summary>
public sealed class ODataQueryTranslatorTests
{
    private static string Canonical(string query) =>
        QueryText.Render(TestQueries.Translate("Resources", query, ResourceDefinition.Instance.Schema));

    private static IReadOnlyList<QueryError> Errors(string query, string set = "Resources")
    {
        var schema = set == "Courses" ? CourseDefinition.Instance.Schema : ResourceDefinition.Instance.Schema;
        return Assert.Throws<QueryValidationException>(() => TestQueries.Translate(set, query, schema)).Errors;
    }

    [Theory]
    [InlineData("$filter=Title eq 'a'", "filter=Title eq 'a'")]
    [InlineData("$filter=title eq 'a' and (kind ne 'b' or not (Size gt 5))", "filter=(Title eq 'a' and (Kind ne 'b' or not(Size gt 5)))")]
    [InlineData("$filter=5 lt Size", "filter=Size gt 5")]
    [InlineData("$filter=Grade eq null", "filter=Grade eq null")]
    [InlineData("$filter=Kind in ('a','b')", "filter=Kind in ('a','b')")]
    [InlineData("$filter=contains(tolower(Title),'圆')", "filter=contains(tolower(Title),'圆')")]
    [InlineData("$filter=startswith(Title,'O''B')", "filter=startswith(Title,'O''B')")]
    [InlineData("$filter=year(CreatedAt) eq 2024 and month(CreatedAt) ge 6", "filter=(year(CreatedAt) eq 2024 and month(CreatedAt) ge 6)")]
    [InlineData("$filter=CreatedAt gt 2024-03-01T08:00:00%2B08:00", "filter=CreatedAt gt 2024-03-01T00:00:00Z")]
    [InlineData("$filter=CreatedAt ge 2024-03-01", "filter=CreatedAt ge 2024-03-01T00:00:00Z")]
    [InlineData("$filter=Tags/any(t: t eq '圆' or startswith(t,'A'))", "filter=Tags/any((x eq '圆' or startswith(x,'A')))")]
    [InlineData("$filter=Topics/all(t: toupper(t) ne 'X')", "filter=Topics/all(toupper(x) ne 'X')")]
    [InlineData("$filter=Topics/any()", "filter=Topics/any()")]
    [InlineData("$filter=Title eq @p&@p='x'", "filter=Title eq 'x'")]
    [InlineData("$filter=Size le @n&@n=7", "filter=Size le 7")]
    [InlineData("$filter=true", "filter=true")]
    [InlineData("$orderby=Title desc,CreatedAt&$top=10&$skip=5&$count=true", "orderby=Title desc,CreatedAt; top=10; skip=5; count")]
    [InlineData("orderby=title&top=3", "orderby=Title; top=3")]
    [InlineData("$FILTER=Kind eq 'x'&$Select=title,KIND", "filter=Kind eq 'x'; select=Title,Kind")]
    [InlineData("$select=Title&$expand=Owner($select=Name)", "select=Title; expand=Owner(select=Name)")]
    [InlineData("$search=圆", "search=圆")]
    [InlineData("$search=《故乡》教学设计", "search=《故乡》教学设计")]
    [InlineData("$search=Unit 3", "search=Unit 3")]
    [InlineData("$search=Python3 AND (", "search=Python3 AND (")]
    [InlineData("$search=\"圆的面积\" -课件", "search=\"圆的面积\" -课件")]
    public void Translates_to_the_canonical_model(string query, string expected) => Assert.Equal(expected, Canonical(query));

    [Fact]
    public void Nested_expand_of_course_items_and_their_resources()
    {
        var query = TestQueries.Translate("Courses", "$expand=Items($expand=Resource($select=Title))", CourseDefinition.Instance.Schema);
        Assert.Equal("expand=Items(expand=Resource(select=Title))", QueryText.Render(query));
    }

    [Fact]
    public void Every_error_in_every_option_is_reported_together()
    {
        var errors = Errors("$filter=Sha256 eq 'x' and Size eq 99999999999999999999 and substring(Title,1) eq 'a'&$orderby=Description&$top=201&$foo=1");
        Assert.Equal(
            ["NotSortable", "TopTooLarge", "TypeMismatch", "UnknownQueryOption", "UnsupportedFunction"],
            errors.Select(e => e.Code).Order(StringComparer.Ordinal));
        Assert.Contains(errors, e => e.Target == "$filter/Size");
        Assert.Contains(errors, e => e.Target == "$orderby/Description");
        Assert.Contains(errors, e => e.Target == "$top");
        Assert.Contains(errors, e => e.Target == "$foo");
    }

    [Theory]
    [InlineData("$filter=Nope eq 1", "InvalidQueryOption", "$filter")]
    [InlineData("$filter=length(Size) eq 1", "InvalidQueryOption", "$filter")]
    [InlineData("$filter=Tags/any(t: t eq 'a') and Title/any(x: x eq 'a')", "InvalidQueryOption", "$filter")]
    [InlineData("$filter=Size gt null", "InvalidNullComparison", "$filter/Size")]
    [InlineData("$filter=Size eq 99999999999999999999", "TypeMismatch", "$filter/Size")]
    [InlineData("$filter=Title eq Kind", "UnsupportedExpression", "$filter")]
    [InlineData("$filter=Tags/any(t: Topics/any(u: u eq t))", "UnsupportedExpression", "$filter")]
    [InlineData("$expand=Owner($filter=Name eq 'x')", "UnsupportedExpandOption", "$expand/Owner")]
    [InlineData("$skiptoken=garbage", "InvalidSkipToken", "$skiptoken")]
    [InlineData("$top=-1", "InvalidQueryOption", "$top")]
    [InlineData("$search=圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆圆", "SearchTooLong", "$search")]
    public void Names_the_offending_option_or_field(string query, string code, string target)
    {
        var error = Assert.Single(Errors(query));
        Assert.Equal(code, error.Code);
        Assert.Equal(target, error.Target);
    }

    [Fact]
    public void Deep_or_wide_filters_are_refused()
    {
        // Parentheses alone add no nodes; nested operators do.
        Assert.Contains(Errors("$filter=" + string.Concat(Enumerable.Repeat("not ", 20)) + "(Title eq 'a')"), e => e.Code == "TooDeep");
        Assert.Contains(Errors("$filter=" + string.Join(" or ", Enumerable.Range(0, 120).Select(i => $"Title eq '{i}'"))),
            e => e.Code is "TooComplex" or "TooDeep");
    }

    [Fact]
    public void Skiptoken_round_trips_and_is_bound_to_its_sort()
    {
        var schema = ResourceDefinition.Instance.Schema;
        var order = KeysetToken.EffectiveOrder(schema, [new OrderBy("Title", true)]);
        var id = Guid.NewGuid();
        var token = KeysetToken.Encode(order, ["圆", id]);
        var query = TestQueries.Translate("Resources", "$orderby=Title desc&$skiptoken=" + token, schema);
        Assert.Equal(["圆", id], query.After!.Values);
        Assert.Equal("InvalidSkipToken", Assert.Single(Errors("$orderby=Title&$skiptoken=" + token)).Code);
    }
}
