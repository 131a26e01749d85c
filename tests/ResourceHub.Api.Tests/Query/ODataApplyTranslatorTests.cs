using ResourceHub.Api.Resources;
using ResourceHub.Query.Model;
using ResourceHub.Query.OData;

namespace ResourceHub.Api.Tests.Query;

/// <summary>$apply text → the aggregation model (through its canonical text), and which shapes are 400 or 501.</summary>
public sealed class ODataApplyTranslatorTests
{
    /// <summary>Chinese before the English in parentheses.</summary>
    private const string ChineseFirst = @"^[^(]*\p{IsCJKUnifiedIdeographs}[^(]*\(";

    private static ApplyQuery Groups(string query) => TestQueries.TranslateApply("Resources", query, ResourceDefinition.Instance.Schema).Groups;

    private static QueryValidationException Refusal(string query) =>
        Assert.Throws<QueryValidationException>(() => Groups(query));

    [Theory]
    [InlineData("$apply=groupby((Subject),aggregate($count as N))", "groupby=(Subject); aggregate=$count as N")]
    [InlineData("$apply=groupby((subject,STAGE,Kind),aggregate(Size with sum as Bytes,Size with average as Avg))",
        "groupby=(Subject,Stage,Kind); aggregate=sum(Size) as Bytes,average(Size) as Avg")]
    [InlineData("$apply=groupby((Grade),aggregate(QualityScore with min as Lo,DurationSeconds with max as Hi,OwnerOrg with countdistinct as Orgs))",
        "groupby=(Grade); aggregate=min(QualityScore) as Lo,max(DurationSeconds) as Hi,countdistinct(OwnerOrg) as Orgs")]
    [InlineData("$apply=groupby((Status),aggregate(CreatedAt with min as First))", "groupby=(Status); aggregate=min(CreatedAt) as First")]
    [InlineData("$apply=groupby((Subject))", "groupby=(Subject)")]
    [InlineData("$apply=aggregate($count as N,Size with sum as Bytes)", "groupby=(); aggregate=$count as N,sum(Size) as Bytes")]
    [InlineData("$apply=filter(Stage eq 'primary')/filter(Size gt 10)/groupby((Subject),aggregate($count as N))",
        "filter=(Stage eq 'primary' and Size gt 10); groupby=(Subject); aggregate=$count as N")]
    [InlineData("$apply=filter(Topics/any(t: t eq 'ethics'))/aggregate($count as N)", "filter=Topics/any(x eq 'ethics'); groupby=(); aggregate=$count as N")]
    [InlineData("$apply=groupby((Subject,Stage),aggregate(Size with sum as Bytes))&$orderby=Bytes desc,stage&$top=3&$skip=1",
        "groupby=(Subject,Stage); aggregate=sum(Size) as Bytes; orderby=Bytes desc,Stage; top=3; skip=1")]
    [InlineData("apply=groupby((Kind),aggregate($count as n))&orderby=N", "groupby=(Kind); aggregate=$count as n; orderby=n")]
    public void Translates_to_the_canonical_model(string query, string expected) => Assert.Equal(expected, QueryText.Render(Groups(query)));

    [Fact]
    public void Dollar_filter_stays_on_the_rows_and_the_sort_is_completed_by_the_group_properties()
    {
        var (rows, groups) = TestQueries.TranslateApply("Resources",
            "$filter=Stage eq 'primary'&$apply=groupby((Subject,Grade),aggregate($count as N))&$orderby=N desc", ResourceDefinition.Instance.Schema);
        Assert.Equal("filter=Stage eq 'primary'", QueryText.Render(rows));
        Assert.Equal(["N desc", "Subject", "Grade"], groups.EffectiveOrder.Select(o => o.Field + (o.Descending ? " desc" : "")));
        Assert.Equal(["Subject", "Grade", "N"], groups.Columns);
    }

    [Theory]
    [InlineData("$apply=groupby((NoSuch),aggregate($count as N))", "InvalidQueryOption")]
    [InlineData("$apply=groupby((Subject)", "InvalidQueryOption")]
    [InlineData("$apply=groupby((Topics),aggregate($count as N))", "InvalidQueryOption")]
    [InlineData("$apply=groupby((Description),aggregate($count as N))", "NotGroupable")]
    [InlineData("$apply=groupby((Subject),aggregate(Title with sum as T))", "NotAggregatable")]
    [InlineData("$apply=groupby((Subject),aggregate(Stage with average as T))", "InvalidQueryOption")]
    [InlineData("$apply=groupby((Subject),aggregate(CreatedAt with sum as T))", "NotAggregatable")]
    [InlineData("$apply=groupby((Subject),aggregate($count as N,Size with sum as n))", "DuplicateAlias")]
    [InlineData("$apply=groupby((Subject),aggregate($count as Subject))", "DuplicateAlias")]
    [InlineData("$apply=groupby((Subject),aggregate($count as N))&$orderby=Stage", "NotSortable")]
    [InlineData("$apply=groupby((Subject),aggregate($count as N))&$orderby=length(Subject)", "NotSortable")]
    [InlineData("$apply=groupby((Subject),aggregate($count as N))&$top=1001", "TooLarge")]
    [InlineData("$apply=filter(NoSuch eq 1)/groupby((Subject))", "InvalidQueryOption")]
    [InlineData("$apply=filter(Size gt 'x')/groupby((Subject))", "InvalidQueryOption")]
    [InlineData("$apply=groupby((Subject,Stage,Kind,Grade,Status,OwnerOrg),aggregate($count as N))", "TooManyKeys")]
    public void Mistakes_are_400s(string query, string code)
    {
        var e = Refusal(query);
        Assert.False(e.NotImplemented);
        Assert.Contains(e.Errors, x => x.Code == code);
        Assert.Matches(ChineseFirst, e.Errors[0].Message);
    }

    [Theory]
    [InlineData("$apply=compute(Size mul 2 as Double)/groupby((Subject))")]
    [InlineData("$apply=groupby((Subject),aggregate(Size with sum as S))/groupby((S),aggregate($count as N))")]
    [InlineData("$apply=groupby((Subject),aggregate($count as N))/filter(N gt 2)")]
    [InlineData("$apply=groupby(rollup(Subject,Stage),aggregate($count as N))")]
    [InlineData("$apply=groupby((Subject),topcount(2,Size))")]
    [InlineData("$apply=groupby((Owner/Name),aggregate($count as N))")]
    [InlineData("$apply=expand(Owner,filter(Name eq 'x'))")]
    [InlineData("$apply=groupby((Subject),aggregate(Size mul 2 with sum as T))")]
    [InlineData("$apply=groupby((Subject),aggregate(Size with custom.median as M))")]
    [InlineData("$apply=groupby((Subject),aggregate(Title with max as Last))")]
    [InlineData("$apply=filter(Stage eq 'primary')")]
    [InlineData("$apply=groupby((Subject))&$select=Subject")]
    [InlineData("$apply=groupby((Subject))&$count=true")]
    public void Valid_shapes_this_service_does_not_serve_are_501s(string query)
    {
        var e = Refusal(query);
        Assert.True(e.NotImplemented, string.Join("; ", e.Errors.Select(x => x.Code + " " + x.Message)));
        Assert.Matches(ChineseFirst, e.Errors[0].Message);
    }
}
