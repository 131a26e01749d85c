using Microsoft.OData;

namespace ResourceHub.Api.OData;

/// <summary>One entity ready for ODL, with the navigation properties $expand asked for.</summary>
public sealed record ODataEntry(ODataResource Resource, IReadOnlyList<ODataExpansion> Expansions);

/// <summary>An expanded navigation property: a single entity (or null) or a collection.</summary>
public sealed record ODataExpansion(string Name, bool IsCollection, IReadOnlyList<ODataEntry> Entries);
