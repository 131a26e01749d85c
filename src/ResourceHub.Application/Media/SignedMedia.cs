using ResourceHub.Media.Pipeline;

namespace ResourceHub.Application.Media;

/// <summary>What a signed media URL names after its token: the original file, a rendition kind, or a file under hls/.</summary>
public static class SignedMedia
{
    public const string File = "file";
    public const string HlsFolder = "hls";
    public static readonly string HlsMaster = $"{HlsFolder}/{HlsMasterPlaylist.FileName}";
    public static readonly string Mp4 = RenditionKind.Mp4720p.Key();
    public static readonly string Poster = RenditionKind.Poster.Key();
    public static readonly string Thumbnail = RenditionKind.Thumbnail.Key();
    public static readonly string Preview = RenditionKind.Preview.Key();
}
