using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData.Edm;
using ResourceHub.Api.OData;
using ResourceHub.Api.Tests.Limits;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Identity;

/// <summary>
/// An anonymous call is 401 whatever it sends: authentication is checked before any body, header or parameter
/// is validated, on every bound operation, every entity set's writes and the resumable uploads. Read from the model.
/// </summary>
public sealed class AnonymousCallTests() : ApiTest(DatabaseOptions.Sqlite)
{
    private static readonly string[] Bodies = ["{}", "{\"stars\":\"many\",\"verdict\":42}", "not json", ""];

    private IEdmModel Model => Api.Services.GetRequiredService<ODataJsonWriter>().Model;

    private static string KeyLiteral(IEdmEntitySet set) =>
        set.EntityType.Key().Single().Type.Definition is IEdmPrimitiveType { PrimitiveKind: EdmPrimitiveTypeKind.Guid }
            ? Guid.NewGuid().ToString()
            : set.EntityType.Key().Single().Type.IsString() ? "'x'" : "1";

    private IEnumerable<HttpRequestMessage> Calls()
    {
        foreach (var operation in EdmCalls.BoundOperations(Model))
            foreach (var body in Bodies)
                foreach (var name in new[] { operation.Name, operation.FullName() })
                    yield return EdmCalls.Request(operation, EdmCalls.Url(Model, operation, name, Guid.NewGuid().ToString()), body);
        foreach (var set in Model.EntityContainer.EntitySets())
        {
            var item = $"/odata/{set.Name}({KeyLiteral(set)})";
            foreach (var body in Bodies)
            {
                yield return new HttpRequestMessage(HttpMethod.Post, $"/odata/{set.Name}") { Content = Json(body) };
                yield return new HttpRequestMessage(HttpMethod.Patch, item) { Content = Json(body) };
            }
            yield return new HttpRequestMessage(HttpMethod.Delete, item);
            yield return new HttpRequestMessage(HttpMethod.Get, $"/odata/{set.Name}?$filter=NoSuch eq 1");
            var put = new HttpRequestMessage(HttpMethod.Put, item + "/$value") { Content = new ByteArrayContent("%PDF-1.4"u8.ToArray()) };
            put.Content.Headers.TryAddWithoutValidation("Content-Type", "garbage");
            yield return put;
        }
        yield return new HttpRequestMessage(HttpMethod.Post, "/uploads"); // no Tus-Resumable, no Upload-Length
        yield return new HttpRequestMessage(HttpMethod.Patch, $"/uploads/{Guid.NewGuid():N}") { Content = new ByteArrayContent([1]) };
        yield return new HttpRequestMessage(HttpMethod.Head, $"/uploads/{Guid.NewGuid():N}");
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Every_anonymous_call_is_401_before_its_input_is_looked_at()
    {
        var anonymous = Api.ClientAs(null);
        var wrong = new List<string>();
        var count = 0;
        foreach (var call in Calls())
        {
            var (method, url) = (call.Method, call.RequestUri);
            var response = await anonymous.SendAsync(call);
            count++;
            if (response.StatusCode != HttpStatusCode.Unauthorized)
                wrong.Add($"{method} {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        Assert.True(count > 100, $"only {count} calls");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {count} not 401:\n{string.Join("\n", wrong.Take(20))}");
    }
}
