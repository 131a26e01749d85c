namespace ResourceHub.Domain.Taxonomy;

/// <summary>One list of codes (subjects, stages, …) with lookups by code.</summary>
public sealed class TaxonomyList
{
    private readonly Dictionary<string, TaxonomyTerm> _byCode;

    public TaxonomyList(string label, IEnumerable<TaxonomyTerm> terms)
    {
        Label = label;
        Terms = terms.ToList();
        _byCode = Terms.ToDictionary(t => t.Code, StringComparer.Ordinal);
    }

    /// <summary>The field name used in error messages, e.g. "Subject".</summary>
    public string Label { get; }

    public IReadOnlyList<TaxonomyTerm> Terms { get; }

    public bool Contains(string? code) => code is not null && _byCode.ContainsKey(code);

    public string? NameOf(string? code) => code is not null && _byCode.TryGetValue(code, out var t) ? t.Name : null;

    /// <summary>Returns an error message naming the bad code and the allowed ones, or null when valid.</summary>
    public string? Check(string? code) =>
        Contains(code)
            ? null
            : $"{Label} 代码 '{code}' 不存在 (unknown {Label} code '{code}'); 可用值: {string.Join(", ", Terms.Select(t => t.Code))}";
}
