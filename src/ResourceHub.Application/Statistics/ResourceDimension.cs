using System.Linq.Expressions;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Taxonomy;

namespace ResourceHub.Application.Statistics;

/// <summary>
/// One way to split resources in a figure: 学科, 学段, 类型 (taxonomy codes) or 区域 (the owner organisation, folded to
/// the drill-down level by <see cref="StatsScope.RowOf"/>).
/// </summary>
/// <param name="Id">The name in links: subject, stage, kind, region.</param>
/// <param name="Name">The column header people read.</param>
/// <param name="Key">The column the database groups by.</param>
/// <param name="Terms">The taxonomy list naming and ordering the codes; null for regions.</param>
public sealed record ResourceDimension(string Id, string Name, Expression<Func<Resource, string>> Key, TaxonomyList? Terms)
{
    public const string Subject = "subject";
    public const string Stage = "stage";
    public const string Kind = "kind";
    public const string Region = "region";

    public static readonly IReadOnlyList<string> Ids = [Subject, Stage, Kind, Region];

    /// <summary>The dimension named <paramref name="id"/>; a 400 naming <paramref name="target"/> for anything else.</summary>
    public static ResourceDimension Of(string? id, TaxonomyCatalog taxonomy, string target = "dimension") => id switch
    {
        Subject => new(Subject, "学科", r => r.Subject, taxonomy.Subjects),
        Stage => new(Stage, "学段", r => r.Stage, taxonomy.Stages),
        Kind => new(Kind, "类型", r => r.Kind, taxonomy.Kinds),
        Region => new(Region, "区域", r => r.OwnerOrg, null),
        _ => throw AppError.BadRequest($"统计维度 '{id}' 不存在 (unknown dimension); 可用值: {string.Join(", ", Ids)}", target),
    };

    /// <summary>The row a grouped key counts under: itself, or for regions the organisation at the drill-down level.</summary>
    public Func<string, string> FolderFor(StatsScope scope) => Terms is null ? scope.RowOf() : key => key;

    /// <summary>What people read for a grouped key: the taxonomy name, or the organisation's name in the scope.</summary>
    public string LabelOf(string key, StatsScope scope) => Terms is null ? scope.NameOf(key) : Terms.NameOf(key) ?? key;
}
