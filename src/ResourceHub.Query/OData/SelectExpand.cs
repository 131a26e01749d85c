using Microsoft.OData.UriParser;
using ResourceHub.Query.Model;

namespace ResourceHub.Query.OData;

/// <summary>$select/$expand as ODL bound them → selected field names and expansions (select and expand only, nested).</summary>
internal static class SelectExpand
{
    public static (IReadOnlyList<string> Select, IReadOnlyList<ExpandItem> Expand) Translate(
        SelectExpandClause clause, QuerySchema? schema, QueryLimits limits, List<QueryError> errors, int depth)
    {
        var select = new List<string>();
        var expand = new List<ExpandItem>();
        var all = false;
        foreach (var item in clause.SelectedItems)
        {
            switch (item)
            {
                case WildcardSelectItem:
                    all = true;
                    break;
                case PathSelectItem { SelectedPath.LastSegment: PropertySegment p } path:
                    if (path.FilterOption is not null || path.OrderByOption is not null || path.TopOption is not null || path.SkipOption is not null)
                        errors.Add(new QueryError("UnsupportedSelectOption", $"$select 的 {p.Property.Name} 不支持嵌套选项 (options inside $select are not supported)", "$select"));
                    var name = schema?.Find(p.Property.Name)?.Name ?? p.Property.Name;
                    if (!select.Contains(name))
                        select.Add(name);
                    break;
                case ExpandedNavigationSelectItem nav:
                    var navName = nav.PathToNavigationProperty.LastSegment.Identifier;
                    if (depth + 1 > limits.MaxExpandDepth)
                    {
                        errors.Add(new QueryError("ExpandTooDeep", $"$expand 最多 {limits.MaxExpandDepth} 层 ($expand nests deeper than {limits.MaxExpandDepth})", "$expand"));
                        break;
                    }
                    if (nav.FilterOption is not null || nav.OrderByOption is not null || nav.TopOption is not null || nav.SkipOption is not null
                        || nav.CountOption is not null || nav.SearchOption is not null || nav.LevelsOption is not null)
                        errors.Add(new QueryError("UnsupportedExpandOption",
                            $"$expand={navName} 仅支持嵌套 $select/$expand (only $select and $expand are supported inside $expand)", $"$expand/{navName}"));
                    var (innerSelect, innerExpand) = Translate(nav.SelectAndExpand, null, limits, errors, depth + 1);
                    expand.Add(new ExpandItem(navName, innerSelect) { Expand = innerExpand });
                    break;
                case ExpandedReferenceSelectItem reference:
                    errors.Add(new QueryError("UnsupportedExpandOption", "不支持 $expand=…/$ref (expanding references is not supported)",
                        $"$expand/{reference.PathToNavigationProperty.LastSegment.Identifier}"));
                    break;
                case PathSelectItem { SelectedPath.LastSegment: NavigationPropertySegment n }:
                    // Selecting a navigation property without expanding it only affects links; nothing to fetch.
                    _ = n;
                    break;
                default:
                    errors.Add(new QueryError("UnsupportedSelectOption", $"不支持的 $select 项 ({item.GetType().Name})", "$select"));
                    break;
            }
        }
        return (all ? [] : select, expand);
    }
}
