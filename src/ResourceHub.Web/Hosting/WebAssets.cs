using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace ResourceHub.Web.Hosting;

/// <summary>
/// Our CSS and scripts (webassets/, copied beside the binary): URLs carry a hash of the content, so browsers keep
/// them for a year and a following page costs only its HTML.
/// </summary>
public sealed class WebAssets
{
    public const string Path = "/assets";
    private readonly string _root = System.IO.Path.Combine(AppContext.BaseDirectory, "webassets");
    private readonly Dictionary<string, string> _versions = new(StringComparer.Ordinal);

    public string Url(string file)
    {
        lock (_versions)
        {
            if (!_versions.TryGetValue(file, out var version))
            {
                var full = System.IO.Path.Combine(_root, file);
                version = File.Exists(full) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(full)))[..10].ToLowerInvariant() : "0";
                _versions[file] = version;
            }
            return $"{Path}/{file}?v={version}";
        }
    }

    public bool Exists(string file) => File.Exists(System.IO.Path.Combine(_root, file));

    public void Serve(IApplicationBuilder app) => app.UseStaticFiles(new StaticFileOptions
    {
        RequestPath = Path,
        FileProvider = new PhysicalFileProvider(_root),
        ServeUnknownFileTypes = false,
        ContentTypeProvider = ContentTypes(),
        OnPrepareResponse = c => c.Context.Response.Headers.CacheControl =
            c.Context.Request.Query.ContainsKey("v") ? "public, max-age=31536000, immutable" : "public, max-age=300",
    });

    private static Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".mjs"] = "text/javascript";
        return types;
    }
}
