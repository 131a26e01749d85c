using ResourceHub.Media.Pipeline;

namespace ResourceHub.Application.Media;

/// <summary>What a signed media URL names after its token: the original file, a rendition kind, a preview page or a file under hls/.</summary>
public static class SignedMedia
{
    public const string File = "file";
    public const string HlsFolder = "hls";
    public static readonly string HlsMaster = $"{HlsFolder}/{HlsMasterPlaylist.FileName}";
    public static readonly string Mp4 = RenditionKind.Mp4720p.Key();
    public static readonly string Poster = RenditionKind.Poster.Key();
    public static readonly string Thumbnail = RenditionKind.Thumbnail.Key();
    public static readonly string Preview = RenditionKind.Preview.Key();

    /// <summary>Page <paramref name="page"/> (from 1) of the preview: preview/{page}.</summary>
    public static string PreviewPage(int page) => $"{Preview}/{page}";

    /// <summary>The page number of a preview/{page} name, or null when <paramref name="what"/> is not one.</summary>
    public static int? PageOf(string what) =>
        what.StartsWith(Preview + "/", StringComparison.Ordinal) && int.TryParse(what.AsSpan(Preview.Length + 1), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var page) && page >= 1 ? page : null;
}
