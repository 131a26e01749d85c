namespace ResourceHub.Query.Model;

/// <summary>The value types the query model knows; each backend maps them to its own.</summary>
public enum FieldType
{
    String,
    Int64,
    Decimal,
    Double,
    Boolean,
    DateTimeOffset,
    Guid,
    StringCollection,
}
