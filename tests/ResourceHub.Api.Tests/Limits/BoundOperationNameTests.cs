using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OData.Edm;
using ResourceHub.Api.OData;
using ResourceHub.Api.Tests.Curation;
using ResourceHub.Data;

namespace ResourceHub.Api.Tests.Limits;

/// <summary>
/// Every bound action and function of the EDM model answers the same whether its name is namespace-qualified
/// (as OData clients send it) or not, including those whose qualified name is also a type (ResourceHub.Review).
/// The operations are read from the model, so one added later is covered without a change here.
/// </summary>
public sealed class BoundOperationNameTests() : CurationApi(DatabaseOptions.Sqlite)
{
    private IEdmModel Model => Api.Services.GetRequiredService<ODataJsonWriter>().Model;

    private IEnumerable<IEdmOperation> BoundOperations() => EdmCalls.BoundOperations(Model);

    private string Url(IEdmOperation operation, string name, string key) => EdmCalls.Url(Model, operation, name, key);

    private static HttpRequestMessage Request(IEdmOperation operation, string url) => EdmCalls.Request(operation, url, "{}");

    [Fact]
    public void The_model_has_bound_operations_and_one_shadowed_by_a_type()
    {
        Assert.True(BoundOperations().Count() >= 7);
        Assert.Contains("ResourceHub.Review", QualifiedOperations.Shadowed(Api.Services.GetRequiredService<ODataJsonWriter>().Model));
    }

    [Fact]
    public async Task Every_bound_operation_routes_qualified_and_unqualified_alike()
    {
        var key = Guid.NewGuid().ToString(); // no such entity: the call reaches the operation and stops there
        var admin = Admin("cy", "hf-edu");
        var anonymous = Api.ClientAs(null);
        foreach (var operation in BoundOperations())
        {
            var plain = Url(operation, operation.Name, key);
            var qualified = Url(operation, operation.FullName(), key);
            // Anonymous: the operation is found and asks for a token (never a 400 about its parameters), the same both ways.
            var anonymousPlain = await anonymous.SendAsync(Request(operation, plain));
            var anonymousQualified = await anonymous.SendAsync(Request(operation, qualified));
            Assert.True(anonymousPlain.StatusCode is HttpStatusCode.Unauthorized, $"{plain}: {(int)anonymousPlain.StatusCode}");
            Assert.Equal(await anonymousPlain.Content.ReadAsStringAsync(), await anonymousQualified.Content.ReadAsStringAsync());
            var a = await admin.SendAsync(Request(operation, plain));
            var b = await admin.SendAsync(Request(operation, qualified));
            var (textA, textB) = (await a.Content.ReadAsStringAsync(), await b.Content.ReadAsStringAsync());
            Assert.True(a.StatusCode == b.StatusCode, $"{qualified}: {(int)b.StatusCode} {textB}; unqualified: {(int)a.StatusCode} {textA}");
            Assert.DoesNotContain("资源路径不存在", textB);
        }
    }

    [Fact]
    public async Task Review_works_by_its_qualified_name()
    {
        var item = await CreateAsync(Vendor);
        await Json(await Act(Vendor, item, "ResourceHub.Submit"));
        await Json(await Act(Expert("eve", "ys-edu"), item, "ResourceHub.Review", ReviewBody(0.9)));
        var queue = await Json(await Expert("ed", "hf-edu").GetAsync("/odata/Resources/ResourceHub.ReviewQueue()"));
        Assert.Single(queue.GetProperty("value").EnumerateArray());
        await Json(await Act(Expert("ed", "hf-edu"), item, "ResourceHub.Review", ReviewBody(0.8)));
        Assert.Equal("published", await StatusOf(Vendor, item));
    }
}
