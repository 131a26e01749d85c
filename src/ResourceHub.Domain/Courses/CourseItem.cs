using ResourceHub.Domain.Resources;

namespace ResourceHub.Domain.Courses;

public class CourseItem
{
    public Guid Id { get; set; }
    public Guid CourseId { get; set; }
    public int Position { get; set; }
    public Guid ResourceId { get; set; }
    public Resource? Resource { get; set; }
}
