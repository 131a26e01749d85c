using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResourceHub.Domain.Resources;

namespace ResourceHub.Data.Configurations;

/// <summary>Columns of an owned <see cref="ResourceFile"/>, shared by resources and their pending revisions.</summary>
internal static class ResourceFileMapping
{
    public static void Apply<TOwner>(OwnedNavigationBuilder<TOwner, ResourceFile> f) where TOwner : class
    {
        f.Property(x => x.FileName).HasMaxLength(255);
        f.Property(x => x.ContentType).HasMaxLength(255);
        f.Property(x => x.Sha256).HasMaxLength(64);
        f.Property(x => x.BlobKey).HasMaxLength(255);
    }
}
