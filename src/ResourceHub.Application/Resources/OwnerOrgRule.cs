using ResourceHub.Domain.Access;

namespace ResourceHub.Application.Resources;

/// <summary>An OwnerOrg sent with an item (resources and courses): chosen at creation within the rule, never changed by an edit.</summary>
public static class OwnerOrgRule
{
    public static string Check(Caller caller, string org, bool creating)
    {
        if (!creating)
            throw AppError.BadRequest(ResourcePermissions.OwnerOrgIsFixed, "OwnerOrg");
        if (!ResourcePermissions.CanCreateFor(caller, org))
            throw AppError.Forbidden("只能为本机构或您管辖区域内的机构创建 (you may create only for your organisation or, as an admin, one in your region)");
        return org;
    }
}
