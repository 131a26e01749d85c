using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Hosting;
using ResourceHub.Data;
using ResourceHub.Testing;

namespace ResourceHub.Api.Tests.Limits;

/// <summary>
/// Requests Kestrel itself finds malformed (chunking that cannot be parsed, a body over the server's limit)
/// are answered with a 4xx and an OData error body, over a real socket (the in-memory server parses no HTTP).
/// </summary>
public sealed class MalformedRequestTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private ApiFactory _api = null!;
    private Uri _address = null!;

    public async Task InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        _api = new ApiFactory(_db);
        _api.UseKestrel(0);
        _api.StartServer();
        await _api.Services.PrepareStorageAsync();
        _address = new Uri(_api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _db.DisposeAsync();
    }

    private async Task<(int Status, string Body)> SendRawAsync(string head, string body)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(_address.Host, _address.Port);
        var stream = tcp.GetStream();
        var token = _api.Token("alice", "vendor", "acme");
        var request = $"{head}\r\nHost: {_address.Authority}\r\nAuthorization: Bearer {token}\r\nConnection: close\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var status = int.Parse(response.Split(' ', 3)[1]);
        var bodyStart = response.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4;
        return (status, response[bodyStart..]);
    }

    [Theory]
    [InlineData("FFFFFFFFFFFFFFFFFF\r\n{}\r\n0\r\n\r\n")]
    [InlineData("zz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("2;\u0001\r\n{}\r\n0\r\n\r\n")]
    public async Task Unparseable_chunking_is_a_400_with_an_odata_error(string chunks)
    {
        var (status, body) = await SendRawAsync(
            "POST /odata/Resources HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunks);
        Assert.True(status is >= 400 and < 500, $"{status}: {body}");
        var error = JsonDocument.Parse(Dechunk(body)).RootElement.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task A_chunked_body_over_the_server_limit_is_a_413_with_an_odata_error()
    {
        var chunk = new string('a', 64 * 1024);
        var chunks = string.Concat(Enumerable.Repeat($"{chunk.Length:X}\r\n{chunk}\r\n", 80)) + "0\r\n\r\n";
        var (status, body) = await SendRawAsync(
            "POST /odata/$batch HTTP/1.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunks);
        Assert.True(status == 413, $"{status}: {body}");
        Assert.Equal("PayloadTooLarge", JsonDocument.Parse(Dechunk(body)).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    /// <summary>The response may itself be chunked: keep only the JSON.</summary>
    private static string Dechunk(string body) => body[body.IndexOf('{')..(body.LastIndexOf('}') + 1)];
}
