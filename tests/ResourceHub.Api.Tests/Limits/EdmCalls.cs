using System.Text;
using Microsoft.OData.Edm;

namespace ResourceHub.Api.Tests.Limits;

/// <summary>Calls read from the EDM model, so an operation or set added later is covered by the tests that use them.</summary>
public static class EdmCalls
{
    public static IEnumerable<IEdmOperation> BoundOperations(IEdmModel model) =>
        model.SchemaElements.OfType<IEdmOperation>().Where(o => o.IsBound);

    /// <summary>The URL that calls the operation on the set of its binding type (on one entity for entity-bound ones).</summary>
    public static string Url(IEdmModel model, IEdmOperation operation, string name, string key)
    {
        var binding = operation.Parameters.First().Type;
        var entityType = (binding.IsCollection() ? binding.AsCollection().ElementType() : binding).Definition;
        var set = model.EntityContainer.EntitySets().First(s => s.EntityType == entityType).Name;
        var call = operation is IEdmFunction ? "()" : "";
        return binding.IsCollection() ? $"/odata/{set}/{name}{call}" : $"/odata/{set}({key})/{name}{call}";
    }

    /// <summary>POST with <paramref name="body"/> as JSON for an action, GET for a function.</summary>
    public static HttpRequestMessage Request(IEdmOperation operation, string url, string body) =>
        new(operation is IEdmAction ? HttpMethod.Post : HttpMethod.Get, url)
        {
            Content = operation is IEdmAction ? new StringContent(body, Encoding.UTF8, "application/json") : null,
        };
}
