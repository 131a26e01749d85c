namespace ResourceHub.Api.OData;

/// <summary>OData-Version negotiation shared by every OData response.</summary>
public static class ProtocolHeaders
{
    public static void Apply(HttpContext context)
    {
        var max = context.Request.Headers["OData-MaxVersion"].ToString();
        if (max.Length > 0 && (!decimal.TryParse(max, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < 4.0m))
            throw ODataProblem.BadRequest($"OData-MaxVersion '{max}' is below 4.0, the only version served", "OData-MaxVersion");
        context.Response.Headers["OData-Version"] = "4.0";
    }
}
