using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Data.Coordination;
using ResourceHub.Data.Keys;

namespace ResourceHub.Data.Configurations;

internal sealed class LeaseConfiguration : IEntityTypeConfiguration<Lease>
{
    public void Configure(EntityTypeBuilder<Lease> b)
    {
        b.ToTable("leases");
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Holder).HasMaxLength(200).IsRequired();
    }
}

internal sealed class SharedSecretConfiguration : IEntityTypeConfiguration<SharedSecret>
{
    public void Configure(EntityTypeBuilder<SharedSecret> b)
    {
        b.ToTable("shared_secrets");
        b.HasKey(s => s.Name);
        b.Property(s => s.Name).HasMaxLength(100);
        b.Property(s => s.Value).HasMaxLength(4000).IsRequired();
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKeyRow>
{
    public void Configure(EntityTypeBuilder<DataProtectionKeyRow> b)
    {
        b.ToTable("data_protection_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Id).ValueGeneratedOnAdd();
        b.Property(k => k.FriendlyName).HasMaxLength(255);
        b.Property(k => k.Xml).IsRequired();
    }
}
