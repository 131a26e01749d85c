using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

internal sealed class UploadSessionConfiguration : IEntityTypeConfiguration<UploadSession>
{
    public void Configure(EntityTypeBuilder<UploadSession> b)
    {
        b.ToTable("upload_sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.UserId).HasMaxLength(128).IsRequired();
        b.Property(s => s.FileName).HasMaxLength(255).IsRequired();
        b.Property(s => s.ContentType).HasMaxLength(255).IsRequired();
        b.Property(s => s.Offset).IsConcurrencyToken(); // two parts sent at one offset: one counts, the other is 409
        b.HasIndex(s => s.ExpiresAt); // the sweeper's "what is abandoned" query
        b.HasIndex(s => s.ResourceId); // a resource's open sessions (deleting or replacing its file)
        b.HasMany(s => s.Parts).WithOne().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UploadPartConfiguration : IEntityTypeConfiguration<UploadPart>
{
    public void Configure(EntityTypeBuilder<UploadPart> b)
    {
        b.ToTable("upload_parts");
        b.HasKey(p => new { p.SessionId, p.Offset });
        b.Property(p => p.BlobKey).HasMaxLength(1024).IsRequired();
    }
}
