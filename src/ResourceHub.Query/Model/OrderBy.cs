namespace ResourceHub.Query.Model;

public sealed record OrderBy(string Field, bool Descending);
