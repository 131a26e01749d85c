using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Elastic;

namespace ResourceHub.Indexing.Tests.Elastic;

public sealed class ElasticDocumentsTests
{
    [Fact]
    public void A_document_comes_back_from_source_as_it_went_in()
    {
        var document = new SearchDocument
        {
            Id = Guid.NewGuid(), Title = "圆的面积", Description = "用割补法推导", Kind = "courseware", Subject = "math", Stage = "primary",
            Topics = ["t1"], Tags = ["示例"], CodeNames = ["数学"], Status = "published", RecommendationLevel = "county", QualityScore = 87.25,
            Downloads = 1234, Rating = 4.5, RatingCount = 2,
            OwnerOrg = "acme", CreatedBy = "alice",
            CreatedAt = new DateTime(2026, 11, 22, 8, 30, 15, DateTimeKind.Utc).AddTicks(1234567),
            UpdatedAt = new DateTime(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc).AddTicks(7),
            Version = 42,
            Details = new SearchDocumentDetails
            {
                Markdown = "用**割补法**推导", TrainingProject = "国培", Workshop = "工作坊",
                File = new SearchDocumentFile("a.pptx", "application/octet-stream", 12345, new string('a', 64)),
            },
        };

        var back = ElasticDocuments.FromSource(ElasticDocuments.ToSource(document));

        Assert.Equal(document.CreatedAt, back.CreatedAt); // all 7 digits: result rows are shown from _source
        Assert.Equal(document.UpdatedAt, back.UpdatedAt);
        Assert.Equal(42, back.Version);
        Assert.Equal(document.Details, back.Details);
        Assert.Equal(document.Topics, back.Topics);
        Assert.Equal(document with { Topics = back.Topics, Tags = back.Tags, CodeNames = back.CodeNames }, back);
    }

    [Fact]
    public void The_text_inside_the_file_is_indexed_but_not_read_back()
    {
        var source = ElasticDocuments.ToSource(new SearchDocument { Id = Guid.NewGuid(), Title = "圆柱与圆锥", Content = "收集校园里的银杏落叶" });
        Assert.Equal("收集校园里的银杏落叶", source["content"]!.GetValue<string>());
        Assert.Equal("", ElasticDocuments.FromSource(source).Content); // results never carry it (the search excludes it from _source)
        Assert.Null(ElasticDocuments.ToSource(new SearchDocument { Id = Guid.NewGuid() })["content"]);
    }

    [Fact]
    public void A_document_indexed_before_details_existed_reads_without_them()
    {
        var source = ElasticDocuments.ToSource(new SearchDocument { Id = Guid.NewGuid(), Title = "旧" });
        source.Remove("details");
        source.Remove("version");
        var back = ElasticDocuments.FromSource(source);
        Assert.Null(back.Details);
        Assert.Equal(0, back.Version);
        Assert.Null(SearchDocumentBuilder.ForDisplay(back, null));
    }
}
