using ResourceHub.Api.OData;

namespace ResourceHub.Api.Curation;

/// <summary>The answers to a create and an update of an admin-managed entity (Rubrics, Quotas).</summary>
public static class Responses
{
    public static Task CreatedAsync<T>(HttpContext context, ODataJsonWriter writer, EntityDefinition<T> definition, T entity)
    {
        context.Response.Headers.Location = ServiceRoot.EntityUri(context.Request, definition.SetName, definition.KeyOf(entity)).ToString();
        context.Response.Headers.ETag = definition.ETagOf(entity);
        return writer.WriteEntityAsync(context, definition, entity, StatusCodes.Status201Created);
    }

    public static void Updated<T>(HttpContext context, EntityDefinition<T> definition, T entity)
    {
        context.Response.Headers.ETag = definition.ETagOf(entity);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }
}
