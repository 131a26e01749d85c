using ResourceHub.Api.OData;
using ResourceHub.Domain.Resources.Checks;
using ResourceHub.Query.Model;

namespace ResourceHub.Api.Resources;

/// <summary>
/// The read-only UploadChecks set (规范性检查): GET UploadChecks lists every kind's rules (Outcome null), shown to uploaders
/// before they submit; Resources({id})/Checks evaluates the item's kind's rules (passed, failed, pending).
/// </summary>
public sealed class UploadCheckDefinition : EntityDefinition<CheckResult>
{
    public static readonly UploadCheckDefinition Instance = new();

    public override string SetName => "UploadChecks";
    public override string TypeName => "UploadCheck";
    public override string KeyName => "Rule";

    public override IReadOnlyList<EntityField<CheckResult>> Fields { get; } =
    [
        new("Rule", FieldType.String, c => c.Rule.Id),
        new("Kind", FieldType.String, c => c.Rule.Kind),
        new("Message", FieldType.String, c => c.Rule.Message),
        new("BlocksSubmit", FieldType.Boolean, c => c.Rule.BlocksSubmit),
        new("Outcome", FieldType.String, c => c.Outcome == null ? null : c.Outcome.Value.ToString().ToLowerInvariant(), Nullable: true),
        new("Found", FieldType.String, c => c.Found, Nullable: true),
    ];

    public override object KeyOf(CheckResult entity) => entity.Rule.Id;
}
