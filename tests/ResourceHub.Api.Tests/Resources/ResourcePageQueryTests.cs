using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ResourceHub.Api.Curation;
using ResourceHub.Api.Tests.Curation;
using ResourceHub.Application.Curation;
using ResourceHub.Data;

namespace ResourceHub.Api.Tests.Resources;

/// <summary>
/// A page of resources (and one resource) reads its rows with their Downloads and Rating in one SQL command: a second
/// query per page for the stats was a database round trip on every read (more on PostgreSQL over a network).
/// </summary>
public sealed class ResourcePageQueryTests() : CurationApi(DatabaseOptions.Sqlite)
{
    [Fact]
    public async Task A_page_reads_rows_and_stats_in_one_command_and_shows_them()
    {
        var downloaded = await CreateAsync(Vendor);
        var untouched = await CreateAsync(Vendor);
        var id = Guid.Parse(downloaded[(downloaded.IndexOf('(') + 1)..downloaded.IndexOf(')')]);
        await using (var scope = Api.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DownloadCounter>().CountAsync(id, CancellationToken.None);

        var (page, pageCommands) = await CommandsDuring(() => Vendor.GetAsync("/odata/Resources"));
        var (single, singleCommands) = await CommandsDuring(() => Vendor.GetAsync(untouched));

        var downloads = (await Json(page)).GetProperty("value").EnumerateArray()
            .ToDictionary(r => r.GetProperty("Id").GetGuid(), r => r.GetProperty("Downloads").GetInt64());
        Assert.Equal(2, downloads.Count);
        Assert.Equal(1, downloads[id]);
        Assert.Equal(0, (await Json(single)).GetProperty("Downloads").GetInt64());
        foreach (var commands in new[] { pageCommands, singleCommands })
        {
            Assert.NotEmpty(commands);
            var stats = commands.Where(c => c.Contains("resource_stats")).ToList();
            var statsCommand = Assert.Single(stats);
            Assert.Contains("JOIN", statsCommand);
        }
    }

    /// <summary>The SQL commands this test's database ran while <paramref name="call"/> ran (other tests use other files).</summary>
    private async Task<(HttpResponseMessage Response, List<string> Commands)> CommandsDuring(Func<Task<HttpResponseMessage>> call)
    {
        var commands = new ConcurrentQueue<string>();
        var subscriptions = new ConcurrentBag<IDisposable>();
        var directory = Path.GetFullPath(Db.DataDir);
        using (DiagnosticListener.AllListeners.Subscribe(new Observer<DiagnosticListener>(source =>
               {
                   if (source.Name == DbLoggerCategory.Name)
                       subscriptions.Add(source.Subscribe(new Observer<KeyValuePair<string, object?>>(e =>
                       {
                           if (e.Key == RelationalEventId.CommandExecuting.Name && e.Value is CommandEventData data
                               && Path.GetFullPath(data.Command.Connection?.DataSource ?? "/").StartsWith(directory, StringComparison.Ordinal))
                               commands.Enqueue(data.Command.CommandText);
                       })));
               })))
        {
            try
            {
                // EF decides whether anyone listens to command events at most once per LoggingCacheTime (1 s by default).
                await Task.Delay(TimeSpan.FromSeconds(1.2));
                return (await call(), commands.ToList());
            }
            finally
            {
                foreach (var subscription in subscriptions)
                    subscription.Dispose();
            }
        }
    }

    private sealed class Observer<T>(Action<T> next) : IObserver<T>
    {
        public void OnNext(T value) => next(value);
        public void OnError(Exception error) { }
        public void OnCompleted() { }
    }
}
