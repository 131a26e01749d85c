using Microsoft.EntityFrameworkCore;
using Xunit;

namespace ResourceHub.Testing;

public static class SearchOutboxDrain
{
    /// <summary>Waits until the background indexer has processed every outbox row, so searches see the latest writes.</summary>
    public static async Task IndexedAsync(this TestDatabase database, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (true)
        {
            await using var db = database.CreateContext();
            if (await db.SearchOutbox.CountAsync(e => e.ProcessedAt == null) == 0)
                return;
            Assert.True(DateTime.UtcNow < deadline, "indexer did not drain the outbox");
            await Task.Delay(30);
        }
    }
}
