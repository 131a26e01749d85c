using ResourceHub.Domain.Curation;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Api.Curation;

/// <summary>What a reviewer is shown of an item: the version under review, without the uploader under blind review.</summary>
public static class ReviewerView
{
    public const string Hidden = "";

    public static Resource Of(Resource live, ResourceRevision? revision, bool blind)
    {
        var view = ResourceRevision.Preview(live, revision);
        if (revision is not null)
            view.Status = revision.Status;
        if (blind)
        {
            view.CreatedBy = Hidden;
            view.OwnerOrg = Hidden;
        }
        return view;
    }
}
