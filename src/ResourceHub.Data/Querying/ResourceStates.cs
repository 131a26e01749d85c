using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Querying;

/// <summary>
/// What a search page checks of each hit before showing its stored copy: the Version, the media duration (set
/// without a new Version) and the fields <c>VisibilityScope.Allows</c> reads (a field added there belongs here too).
/// </summary>
public sealed record ResourceState(Guid Id, long Version, double? DurationSeconds, string Status, string OwnerOrg, string CreatedBy, string Subject);

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
                $"SELECT {Column(nameof(Resource.Id))}, {Column(nameof(Resource.Version))}, {Column(nameof(Resource.DurationSeconds))}, "
                + $"{Column(nameof(Resource.Status))}, {Column(nameof(Resource.OwnerOrg))}, {Column(nameof(Resource.CreatedBy))}, "
                + $"{Column(nameof(Resource.Subject))} FROM {sql.DelimitIdentifier(table.Name, table.Schema)} "
                + $"WHERE {Column(nameof(Resource.Id))} IN ({string.Join(", ", names)})";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var state = new ResourceState(reader.GetFieldValue<Guid>(0), reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetDouble(2),
                    reader.GetString(3), reader.GetString(4), reader.GetString(5), reader.GetString(6));
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
