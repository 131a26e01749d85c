namespace ResourceHub.Data;

/// <summary>Config section "ResourceHub:Database".</summary>
public sealed class DatabaseOptions
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>"sqlite" (embedded default) or "postgres".</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>Empty for SQLite means "{DataDir}/resourcehub.db".</summary>
    public string? ConnectionString { get; set; }
}
