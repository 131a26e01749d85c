using System.Text.Encodings.Web;
using System.Text.Json;

namespace ResourceHub.Api.OData;

public static class JsonOutput
{
    /// <summary>Chinese stays readable in our JSON instead of \uXXXX escapes (still safe: bodies are JSON, not HTML).</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
