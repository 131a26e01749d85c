namespace ResourceHub.Query.Model;

/// <summary>Functions a field may be wrapped in before comparing.</summary>
public enum FieldFunction { None, ToLower, ToUpper, Length, Year, Month, Day, Date }

/// <summary>A field (or the current collection element) optionally wrapped in one function.</summary>
public sealed record FieldRef(string Name, FieldType Type, FieldFunction Function = FieldFunction.None)
{
    /// <summary>Name used for the element inside an any/all lambda.</summary>
    public const string ElementName = "$element";

    public static FieldRef Element(FieldFunction function = FieldFunction.None) =>
        new(ElementName, FieldType.String, function);

    public bool IsElement => Name == ElementName;
}
