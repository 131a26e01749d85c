namespace ResourceHub.Domain.Curation;

public sealed record Transition(string From, CurationAction Action, string To);
