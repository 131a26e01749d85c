using System.Linq.Expressions;
using ResourceHub.Data.Querying;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.OData;

/// <summary>
/// A navigation property in the EDM. TargetSet names the entity set the target lives in; null means
/// the targets are contained in this entity (e.g. a course's items).
/// </summary>
public sealed record NavigationField(string Name, string TargetType, bool IsCollection, string? TargetSet);

/// <summary>Describes one entity type (and its set) once; the EDM model, the query schema, the EF mapping and the writer read it.</summary>
public abstract class EntityDefinition<T>
{
    public abstract string SetName { get; }
    public abstract string TypeName { get; }
    /// <summary>The namespace-qualified type name ODL wants on every entry.</summary>
    public string QualifiedTypeName => _qualifiedTypeName ??= $"{EdmModelFactory.Namespace}.{TypeName}";
    private string? _qualifiedTypeName;
    public abstract string KeyName { get; }
    public abstract IReadOnlyList<EntityField<T>> Fields { get; }
    public virtual IReadOnlyList<NavigationField> Navigations => [];
    public virtual bool HasStream => false;

    public abstract object KeyOf(T entity);
    public virtual string? ETagOf(T entity) => null;

    public QuerySchema Schema => _schema ??= new QuerySchema(TypeName, KeyName, Fields.Select(f => f.ToQueryField()));
    private QuerySchema? _schema;

    public EfFieldMap<T> FieldMap => _fieldMap ??=
        new EfFieldMap<T>(Schema, Fields.Select(f => KeyValuePair.Create(f.Name, (LambdaExpression)f.Access)));
    private EfFieldMap<T>? _fieldMap;
}
