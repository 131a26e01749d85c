using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Organizations;
using ResourceHub.Domain.Users;

namespace ResourceHub.Data.Configurations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("organizations");
        b.HasKey(o => o.Code);
        b.Property(o => o.Code).HasMaxLength(64);
        b.Property(o => o.Name).HasMaxLength(200).IsRequired();
        b.Property(o => o.Kind).HasMaxLength(20).IsRequired();
        b.Property(o => o.Tier).HasMaxLength(20).IsRequired();
        b.Property(o => o.ParentCode).HasMaxLength(64);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.HasKey(u => u.Id);
        b.Property(u => u.Id).HasMaxLength(128);
        b.Property(u => u.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(u => u.Role).HasMaxLength(40).IsRequired();
        b.Property(u => u.OrgCode).HasMaxLength(64).IsRequired();
        b.PrimitiveCollection(u => u.Subjects);
    }
}
