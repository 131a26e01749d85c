namespace ResourceHub.Indexing.Pipeline;

/// <summary>What the background indexer last saw, for /health/ready and logs.</summary>
public sealed class IndexerStatus
{
    private readonly Lock _lock = new();
    private string? _lastError;
    private DateTime? _lastErrorAt;
    private DateTime? _lastSuccessAt;

    public (string? Error, DateTime? ErrorAt, DateTime? SuccessAt) Snapshot()
    {
        lock (_lock)
            return (_lastError, _lastErrorAt, _lastSuccessAt);
    }

    public void Succeeded()
    {
        lock (_lock)
        {
            _lastSuccessAt = DateTime.UtcNow;
            _lastError = null;
        }
    }

    public void Failed(string error)
    {
        lock (_lock)
        {
            _lastError = error;
            _lastErrorAt = DateTime.UtcNow;
        }
    }
}
