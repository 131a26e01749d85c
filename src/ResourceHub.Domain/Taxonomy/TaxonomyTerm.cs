namespace ResourceHub.Domain.Taxonomy;

/// <summary>A code the service owns, with the Chinese name teachers see.</summary>
public sealed record TaxonomyTerm(string Code, string Name);
