using System.Text.Json;
using ResourceHub.Api.OData;
using ResourceHub.Application.Intake;
using ResourceHub.Domain.Intake;

namespace ResourceHub.Api.Intake;

/// <summary>An import job and its rows as JSON in OData's shape (context, value), Chinese written as is.</summary>
public static class ImportJobJson
{
    public const string Set = "ImportJobs";

    public static async Task WriteJobAsync(HttpContext context, ImportProgress progress, int status = StatusCodes.Status200OK)
    {
        var job = progress.Job;
        var self = ServiceRoot.EntityUri(context.Request, Set, job.Id).ToString();
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
        await using var w = new Utf8JsonWriter(context.Response.Body, JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteString("@odata.context", ServiceRoot.Of(context.Request) + "$metadata#" + Set + "/$entity");
        w.WriteString("@odata.id", self);
        w.WriteString("Id", job.Id);
        w.WriteString("State", job.State);
        w.WriteString("OwnerOrg", job.OwnerOrg);
        w.WriteString("CreatedBy", job.CreatedBy);
        w.WriteBoolean("Submit", job.Submit);
        w.WriteNumber("TotalRows", job.TotalRows);
        w.WriteNumber("DoneRows", progress.Done);
        w.WriteNumber("Pending", progress.Pending);
        w.WriteNumber("Created", progress.Created);
        w.WriteNumber("Updated", progress.Updated);
        w.WriteNumber("Unchanged", progress.Unchanged);
        w.WriteNumber("Failed", progress.Failed);
        w.WriteNumber("Percent", job.TotalRows == 0 ? (job.IsFinished ? 100 : 0) : Math.Round(100.0 * progress.Done / job.TotalRows, 1));
        if (job.Error is null) w.WriteNull("Error"); else w.WriteString("Error", job.Error);
        w.WriteString("CreatedAt", job.CreatedAt);
        w.WriteString("UpdatedAt", job.UpdatedAt);
        w.WriteString("Rows@odata.navigationLink", self + "/Rows");
        w.WriteString("Report@odata.mediaReadLink", self + "/Report");
        w.WriteEndObject();
    }

    public static async Task WriteRowsAsync(HttpContext context, IReadOnlyList<ImportRow> rows)
    {
        context.Response.ContentType = "application/json; odata.metadata=minimal; charset=utf-8";
        await using var w = new Utf8JsonWriter(context.Response.Body, JsonOutput.WriterOptions);
        w.WriteStartObject();
        w.WriteString("@odata.context", ServiceRoot.Of(context.Request) + "$metadata#ImportRows");
        w.WriteStartArray("value");
        foreach (var row in rows)
        {
            w.WriteStartObject();
            w.WriteNumber("Line", row.Line);
            if (row.ExternalId is null) w.WriteNull("ExternalId"); else w.WriteString("ExternalId", row.ExternalId);
            w.WriteString("State", row.State);
            w.WriteString("Result", ImportRowState.NameOf(row.State));
            if (row.Message is null) w.WriteNull("Message"); else w.WriteString("Message", row.Message);
            if (row.ResourceId is { } id) w.WriteString("ResourceId", id); else w.WriteNull("ResourceId");
            w.WriteEndObject();
            if (w.BytesPending > 32 * 1024)
                await w.FlushAsync(context.RequestAborted);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
