namespace ResourceHub.Indexing;

/// <summary>The request asks for something the index cannot answer (unknown field, unsupported operator); a 400.</summary>
public sealed class SearchQueryException(string message) : Exception(message);

/// <summary>The index engine cannot be reached or refused the request; callers may retry later.</summary>
public class SearchUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
