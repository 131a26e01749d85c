using Microsoft.EntityFrameworkCore;
using ResourceHub.Data;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;
using ResourceHub.Indexing.Documents;
using ResourceHub.Indexing.Pipeline;
using ResourceHub.Testing;

namespace ResourceHub.Indexing.Tests.Conformance;

/// <summary>
/// The corpus in a SQLite system of record and in one engine's index, built once per test class.
/// Subclasses say which engine.
/// </summary>
public abstract class SearchFixture : IAsyncLifetime
{
    public TestDatabase Db { get; private set; } = null!;
    public ISearchIndex Index { get; private set; } = null!;
    public List<Resource> Resources { get; private set; } = [];
    public SearchDocumentBuilder Builder { get; } = new(TaxonomyCatalog.Default);

    /// <summary>False when the engine is not available (the tests are skipped then).</summary>
    protected virtual bool Available => true;

    protected abstract Task<ISearchIndex> CreateIndexAsync(TestDatabase db);

    public async Task InitializeAsync()
    {
        if (!Available)
            return;
        Db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var (resources, curation) = Corpus.Create();
        Resources = resources;
        await using (var context = Db.CreateContext())
        {
            context.Resources.AddRange(resources);
            context.ResourceTexts.AddRange(resources.Where(r => Corpus.Contents.ContainsKey(r.Title))
                .Select(r => new ResourceText { ResourceId = r.Id, Text = Corpus.Contents[r.Title], ExtractedAt = r.CreatedAt }));
            await context.SaveChangesAsync();
        }
        Index = await CreateIndexAsync(Db);
        await Index.EnsureCreatedAsync();
        var documents = resources.Where(SearchDocumentBuilder.IsSearchable)
            .Select(r => curation.TryGetValue(r.Id, out var c) ? Builder.Build(r) with { RecommendationLevel = c.Level, QualityScore = c.Quality } : Builder.Build(r))
            .Select(d => Corpus.Contents.TryGetValue(d.Title, out var content) ? d with { Content = content } : d)
            .ToList();
        foreach (var chunk in documents.Chunk(2000))
            Assert.True((await Index.UpsertAsync(chunk)).AllSucceeded);
        Curated = documents.Where(d => curation.ContainsKey(d.Id)).ToList();
    }

    /// <summary>Documents carrying curation signals the database cannot hold yet; a rebuild loses them.</summary>
    public List<SearchDocument> Curated { get; private set; } = [];

    public DocumentSync Sync(ResourceHubDbContext context) => new(context, Builder);

    public Resource ByTitle(string title) => Resources.Single(r => r.Title == title);

    public virtual async Task DisposeAsync()
    {
        if (Db is not null)
            await Db.DisposeAsync();
    }
}
