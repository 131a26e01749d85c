namespace ResourceHub.Domain.Curation;

/// <summary>Points an expert gives one criterion.</summary>
public sealed record CriterionScore(string Criterion, double Points)
{
    /// <summary>Stored and shown as "制度建设=12".</summary>
    public override string ToString() => $"{Criterion}={Points:0.##}";
}
