using System.Globalization;
using System.Text;

namespace ResourceHub.Media.Pipeline;

/// <summary>A verified HLS rung as the master playlist needs to describe it.</summary>
public sealed record HlsVariant(string PlaylistPath, int Width, int Height, long PeakBandwidth, long AverageBandwidth, string Codecs);

/// <summary>Writes master.m3u8. Bandwidths are measured from the segments, not taken from settings.</summary>
public static class HlsMasterPlaylist
{
    public const string FileName = "master.m3u8";

    public static string Render(IEnumerable<HlsVariant> variants)
    {
        var text = new StringBuilder();
        text.Append("#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-INDEPENDENT-SEGMENTS\n");
        // Players pick the first listed variant to start; the lowest rung starts fastest on a slow line.
        foreach (var v in variants.OrderBy(v => v.PeakBandwidth))
        {
            text.Append(CultureInfo.InvariantCulture,
                $"#EXT-X-STREAM-INF:BANDWIDTH={v.PeakBandwidth},AVERAGE-BANDWIDTH={v.AverageBandwidth},RESOLUTION={v.Width}x{v.Height},CODECS=\"{v.Codecs}\"\n");
            text.Append(v.PlaylistPath).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>RFC 6381 codec string, e.g. avc1.64001f,mp4a.40.2.</summary>
    public static string Codecs(string? h264Profile, int? h264Level, bool hasAudio)
    {
        var profile = h264Profile switch
        {
            "High" => "6400",
            "Main" => "4d40",
            "Constrained Baseline" => "42e0",
            "Baseline" => "4200",
            _ => throw new ArgumentException($"Unexpected H.264 profile '{h264Profile}'.", nameof(h264Profile)),
        };
        var level = (h264Level ?? throw new ArgumentException("H.264 level unknown.", nameof(h264Level))).ToString("x2", CultureInfo.InvariantCulture);
        // Our encoder writes AAC-LC (object type 2).
        return hasAudio ? $"avc1.{profile}{level},mp4a.40.2" : $"avc1.{profile}{level}";
    }
}
