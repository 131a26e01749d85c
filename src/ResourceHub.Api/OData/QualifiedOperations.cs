using System.Runtime.CompilerServices;
using Microsoft.OData.Edm;

namespace ResourceHub.Api.OData;

/// <summary>
/// ODL reads "Namespace.Name" in a path as a type cast before it tries operations, so a bound operation
/// whose qualified name is also a type's (ResourceHub.Review: the action and the entity type) could not be
/// called the way OData clients call it. Such segments are passed on unqualified, which binds the operation.
/// </summary>
public static class QualifiedOperations
{
    private static readonly ConditionalWeakTable<IEdmModel, HashSet<string>> ShadowedByModel = new();

    /// <summary>Qualified names that are both a bound operation and a type of the model.</summary>
    public static IReadOnlySet<string> Shadowed(IEdmModel model) => ShadowedByModel.GetValue(model, m =>
    {
        var types = m.SchemaElements.OfType<IEdmSchemaType>().Select(t => t.FullName()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return m.SchemaElements.OfType<IEdmOperation>().Where(o => o.IsBound).Select(o => o.FullName())
            .Where(types.Contains).ToHashSet(StringComparer.OrdinalIgnoreCase);
    });

    public static Uri Unshadow(IEdmModel model, Uri serviceRoot, Uri url)
    {
        var shadowed = Shadowed(model);
        var path = url.AbsolutePath;
        if (shadowed.Count == 0 || !path.StartsWith(serviceRoot.AbsolutePath, StringComparison.OrdinalIgnoreCase) || !path.Contains('.'))
            return url;
        var segments = path[serviceRoot.AbsolutePath.Length..].Split('/');
        var changed = false;
        for (var i = 0; i < segments.Length; i++)
        {
            var name = Uri.UnescapeDataString(segments[i]);
            var call = name.IndexOf('(');
            var identifier = call < 0 ? name : name[..call];
            if (!shadowed.Contains(identifier))
                continue;
            var rawCall = segments[i].IndexOf('(');
            var arguments = call < 0 ? "" : rawCall >= 0 ? segments[i][rawCall..] : Uri.EscapeDataString(name[call..]);
            segments[i] = identifier[(identifier.LastIndexOf('.') + 1)..] + arguments;
            changed = true;
        }
        return changed
            ? new Uri(url.GetLeftPart(UriPartial.Authority) + serviceRoot.AbsolutePath + string.Join('/', segments) + url.Query)
            : url;
    }
}
