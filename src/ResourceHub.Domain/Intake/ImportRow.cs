namespace ResourceHub.Domain.Intake;

/// <summary>One manifest row of an import: what it said, and what became of it.</summary>
public class ImportRow
{
    public Guid JobId { get; set; }
    /// <summary>The row's line in the manifest (the header is line 1), as the vendor sees it in Excel.</summary>
    public int Line { get; set; }
    public string? ExternalId { get; set; }
    /// <summary>The row's cells as read, JSON {"header": "value"}: the report repeats them beside the result.</summary>
    public string Cells { get; set; } = "{}";
    public string State { get; set; } = ImportRowState.Pending;
    /// <summary>Every problem of the row, one per line, Chinese first.</summary>
    public string? Message { get; set; }
    public Guid? ResourceId { get; set; }
    public DateTime UpdatedAt { get; set; }

    public bool IsDone => State != ImportRowState.Pending;
}

public static class ImportRowState
{
    public const string Pending = "pending";
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";
    public const string Failed = "failed";

    public static string NameOf(string state) => state switch
    {
        Pending => "待处理",
        Created => "已创建",
        Updated => "已更新",
        Unchanged => "无变化",
        _ => "失败",
    };
}
