using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Courses;

namespace ResourceHub.Data.Configurations;

internal sealed class CourseConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> b)
    {
        b.ToTable("courses");
        b.HasKey(c => c.Id);
        b.Property(c => c.Title).HasMaxLength(200).IsRequired();
        b.Property(c => c.Kind).HasMaxLength(20).IsRequired();
        b.Property(c => c.Subject).HasMaxLength(40).IsRequired();
        b.Property(c => c.Stage).HasMaxLength(40).IsRequired();
        b.Property(c => c.OwnerOrg).HasMaxLength(64).IsRequired();
        b.Property(c => c.CreatedBy).HasMaxLength(128).IsRequired();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CourseItemConfiguration : IEntityTypeConfiguration<CourseItem>
{
    public void Configure(EntityTypeBuilder<CourseItem> b)
    {
        b.ToTable("course_items");
        b.HasKey(i => i.Id);
        b.HasIndex(i => new { i.CourseId, i.Position }).IsUnique();
        b.HasOne(i => i.Resource).WithMany().HasForeignKey(i => i.ResourceId).OnDelete(DeleteBehavior.Restrict);
    }
}
