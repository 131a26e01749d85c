using ResourceHub.Domain.Access;

namespace ResourceHub.Api.OData;

/// <summary>An OwnerOrg sent in a payload (resources and courses): chosen at creation within the rule, never changed by an edit.</summary>
public static class OwnerOrgInput
{
    public static string Check(Caller caller, string org, bool creating)
    {
        if (!creating)
            throw ODataProblem.BadRequest(ResourcePermissions.OwnerOrgIsFixed, "OwnerOrg");
        if (!ResourcePermissions.CanCreateFor(caller, org))
            throw ODataProblem.Forbidden("只能为本机构或您管辖区域内的机构创建 (you may create only for your organisation or, as an admin, one in your region)");
        return org;
    }
}
