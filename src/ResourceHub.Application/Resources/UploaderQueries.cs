using ResourceHub.Domain.Access;
using ResourceHub.Indexing;
using ResourceHub.Query.Model;

namespace ResourceHub.Application.Resources;

/// <summary>
/// Applies <see cref="UploaderPrivacy"/> to a query on Resources, database or search alike: the fields its
/// $filter, $orderby, facets, facet selections and $apply groupby read.
/// </summary>
public static class UploaderQueries
{
    public static void Check(Caller caller, EntityQuery query, FacetRequest? facets = null, string? groupField = null)
    {
        if (!UploaderPrivacy.AppliesTo(caller))
            return;
        var fields = FilterFields.Of(query.Filter)
            .Concat(query.OrderBy.Select(o => o.Field))
            .Concat(facets?.Fields ?? [])
            .Concat(facets?.Selections.Keys ?? Enumerable.Empty<string>());
        if (groupField is not null)
            fields = fields.Append(groupField);
        Refuse(caller, fields);
    }

    /// <summary>An $apply: the fields its filter(...) steps, groupby and aggregates read.</summary>
    public static void Check(Caller caller, ApplyQuery apply)
    {
        if (UploaderPrivacy.AppliesTo(caller))
            Refuse(caller, FilterFields.Of(apply.Filter).Concat(apply.FieldsRead));
    }

    private static void Refuse(Caller caller, IEnumerable<string> fields)
    {
        if (UploaderPrivacy.Denial(caller, fields) is { } denial)
            throw AppError.BadRequest(denial);
    }
}
