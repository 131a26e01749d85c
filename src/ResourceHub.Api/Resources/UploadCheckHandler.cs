using Microsoft.OData.UriParser;
using ResourceHub.Api.OData;
using ResourceHub.Application.Resources;
using ResourceHub.Domain.Resources;
using ResourceHub.Domain.Resources.Checks;

namespace ResourceHub.Api.Resources;

/// <summary>GET UploadChecks (the rules) and Resources({id})/Checks (the item's results).</summary>
public sealed class UploadCheckHandler(UploadChecks checks, ODataJsonWriter writer) : EntitySetHandlerBase
{
    public override string SetName => UploadCheckDefinition.Instance.SetName;

    public override Task GetCollectionAsync(HttpContext context, ODataUriParser parser) =>
        writer.WriteCollectionAsync(context, UploadCheckDefinition.Instance, UploadRules.All.Select(r => new CheckResult(r, null, null)).ToList());

    public async Task GetForResourceAsync(HttpContext context, Resource resource) =>
        await writer.WriteCollectionAsync(context, UploadCheckDefinition.Instance, (await checks.ForAsync(resource, context.RequestAborted)).ToList());
}
