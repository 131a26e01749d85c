namespace ResourceHub.Domain.Courses;

/// <summary>A training course (必修/选修, measured in 学时) made of ordered resources.</summary>
public class Course
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>"required" (必修) or "elective" (选修).</summary>
    public string Kind { get; set; } = "required";
    public double CreditHours { get; set; }
    public string Subject { get; set; } = "";
    public string Stage { get; set; } = "";
    public string OwnerOrg { get; set; } = "";
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long Version { get; set; }
    public List<CourseItem> Items { get; set; } = [];
}
