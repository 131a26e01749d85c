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
    /// <summary>Moves an item to another organisation (OwnerOrg): the platform administrator only, audited in History.</summary>
    Transfer,
}
