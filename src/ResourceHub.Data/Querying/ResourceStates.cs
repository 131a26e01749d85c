using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Querying;

/// <summary>
/// What a search page checks of each hit before showing its stored copy: the Version, the media duration (set
/// without a new Version), the fields <c>VisibilityScope.Allows</c> reads (a field added there belongs here too), and
/// the downloads and ratings as counted now (the index's copy lags until its next stats refresh).
/// </summary>
public sealed record ResourceState(Guid Id, long Version, double? DurationSeconds, string Status, string OwnerOrg, string CreatedBy, string Subject,
    ResourceStats? Stats = null);

/// <summary>
/// Reads <see cref="ResourceState"/>s by key with one plain command. Names and parameter conversions come from the
/// EF model, so it works on every provider; it skips EF's query pipeline, which cost about 0.4 ms a page when it
/// ran right after a search (cold caches), against about 0.1 ms for this.
/// </summary>
public static class ResourceStates
{
    public static async Task<Dictionary<Guid, ResourceState>> ReadAsync(ResourceHubDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var states = new Dictionary<Guid, ResourceState>(ids.Count);
        if (ids.Count == 0)
            return states;
        var entity = db.Model.FindEntityType(typeof(Resource))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var idMapping = entity.FindProperty(nameof(Resource.Id))!.GetRelationalTypeMapping();
        var statsEntity = db.Model.FindEntityType(typeof(ResourceStats))!;
        var statsTable = StoreObjectIdentifier.Table(statsEntity.GetTableName()!, statsEntity.GetSchema());
        string StatsColumn(string property) => "s." + sql.DelimitIdentifier(statsEntity.FindProperty(property)!.GetColumnName(statsTable)!);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var names = new List<string>(ids.Count);
            for (var i = 0; i < ids.Count; i++)
            {
                var name = sql.GenerateParameterName("id" + i);
                command.Parameters.Add(idMapping.CreateParameter(command, name, ids[i], nullable: false));
                names.Add(sql.GenerateParameterNamePlaceholder("id" + i));
            }
            command.CommandText =
                $"SELECT r.{Column(nameof(Resource.Id))}, r.{Column(nameof(Resource.Version))}, r.{Column(nameof(Resource.DurationSeconds))}, "
                + $"r.{Column(nameof(Resource.Status))}, r.{Column(nameof(Resource.OwnerOrg))}, r.{Column(nameof(Resource.CreatedBy))}, "
                + $"r.{Column(nameof(Resource.Subject))}, {StatsColumn(nameof(ResourceStats.ResourceId))}, {StatsColumn(nameof(ResourceStats.Downloads))}, "
                + $"{StatsColumn(nameof(ResourceStats.RatingCount))}, {StatsColumn(nameof(ResourceStats.RatingSum))} "
                + $"FROM {sql.DelimitIdentifier(table.Name, table.Schema)} r "
                + $"LEFT JOIN {sql.DelimitIdentifier(statsTable.Name, statsTable.Schema)} s ON {StatsColumn(nameof(ResourceStats.ResourceId))} = r.{Column(nameof(Resource.Id))} "
                + $"WHERE r.{Column(nameof(Resource.Id))} IN ({string.Join(", ", names)})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetFieldValue<Guid>(0);
                var stats = reader.IsDBNull(7) ? null
                    : new ResourceStats { ResourceId = id, Downloads = reader.GetInt64(8), RatingCount = reader.GetInt32(9), RatingSum = reader.GetInt32(10) };
                var state = new ResourceState(id, reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6), stats);
                states[state.Id] = state;
            }
            return states;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
