namespace ResourceHub.Blobs.Tests.Support;

/// <summary>A fact that needs a live S3 server; skipped with the reason from <see cref="S3TestEnvironment"/>.</summary>
public sealed class S3FactAttribute : FactAttribute
{
    public S3FactAttribute()
    {
        if (S3TestEnvironment.SkipReason is { } reason)
            Skip = reason;
    }
}
