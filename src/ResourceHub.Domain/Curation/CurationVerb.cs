namespace ResourceHub.Domain.Curation;

/// <summary>What a caller asks to do to a resource (the API's bound actions).</summary>
public enum CurationVerb
{
    Submit,
    Review,
    Nominate,
    Recommend,
    Retire,
    Rate,
}
