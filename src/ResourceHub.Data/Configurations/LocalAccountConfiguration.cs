using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Users;

namespace ResourceHub.Data.Configurations;

internal sealed class LocalAccountConfiguration : IEntityTypeConfiguration<LocalAccount>
{
    public void Configure(EntityTypeBuilder<LocalAccount> b)
    {
        b.ToTable("local_accounts");
        b.HasKey(a => a.UserId);
        b.Property(a => a.UserId).HasMaxLength(128);
        b.Property(a => a.PasswordHash).HasMaxLength(400).IsRequired();
        b.Property(a => a.FailedAttempts).IsConcurrencyToken(); // two wrong passwords at once both count
    }
}
