using ResourceHub.Query.Model;

namespace ResourceHub.Api.OData;

/// <summary>Describes one entity set once; the EDM model, the query schema and the writer read it.</summary>
public abstract class EntityDefinition<T>
{
    public abstract string SetName { get; }
    public abstract string TypeName { get; }
    public abstract string KeyName { get; }
    public abstract IReadOnlyList<EntityField<T>> Fields { get; }
    public virtual bool HasStream => false;

    public abstract object KeyOf(T entity);
    public virtual string? ETagOf(T entity) => null;

    public QuerySchema Schema => _schema ??= new QuerySchema(TypeName, KeyName, Fields.Select(f => f.ToQueryField()));
    private QuerySchema? _schema;
}
