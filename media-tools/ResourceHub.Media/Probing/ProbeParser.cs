using System.Globalization;
using System.Text.Json;

namespace ResourceHub.Media.Probing;

/// <summary>Turns the JSON of <c>ffprobe -print_format json -show_format -show_streams</c> into a <see cref="MediaProbe"/>.</summary>
public static class ProbeParser
{
    public static MediaProbe Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;

        var videos = new List<VideoStreamInfo>();
        var audios = new List<AudioStreamInfo>();
        if (root.TryGetProperty("streams", out var streams) && streams.ValueKind == JsonValueKind.Array)
        {
            foreach (var stream in streams.EnumerateArray())
            {
                switch (String(stream, "codec_type"))
                {
                    case "video":
                        videos.Add(ParseVideo(stream));
                        break;
                    case "audio":
                        audios.Add(ParseAudio(stream));
                        break;
                }
            }
        }

        var format = root.TryGetProperty("format", out var f) ? f : default;
        return new MediaProbe(
            FormatName: format.ValueKind == JsonValueKind.Object ? String(format, "format_name") ?? "" : "",
            Duration: Seconds(format, "duration"),
            SizeBytes: Long(format, "size"),
            BitRate: Long(format, "bit_rate"),
            VideoStreams: videos,
            AudioStreams: audios);
    }

    private static VideoStreamInfo ParseVideo(JsonElement stream) => new(
        Index: Int(stream, "index") ?? 0,
        Codec: String(stream, "codec_name") ?? "",
        Width: Int(stream, "width") ?? 0,
        Height: Int(stream, "height") ?? 0,
        Rotation: Rotation(stream),
        SampleAspectRatio: Rational.Parse(String(stream, "sample_aspect_ratio")),
        AverageFrameRate: Rational.Parse(String(stream, "avg_frame_rate")),
        RealFrameRate: Rational.Parse(String(stream, "r_frame_rate")),
        PixelFormat: String(stream, "pix_fmt"),
        Profile: String(stream, "profile"),
        Level: Int(stream, "level"),
        BitRate: Long(stream, "bit_rate"),
        Duration: Seconds(stream, "duration"),
        IsAttachedPicture: stream.TryGetProperty("disposition", out var disposition) && Int(disposition, "attached_pic") == 1);

    private static AudioStreamInfo ParseAudio(JsonElement stream) => new(
        Index: Int(stream, "index") ?? 0,
        Codec: String(stream, "codec_name") ?? "",
        Channels: Int(stream, "channels") ?? 0,
        SampleRate: Int(stream, "sample_rate") ?? 0,
        BitRate: Long(stream, "bit_rate"));

    /// <summary>
    /// Phones store orientation either as a display matrix (side data, ffmpeg 5+) or the older
    /// "rotate" tag; ffmpeg 4 reports both for the same file, so the matrix wins when present.
    /// Result is normalised to 0, 90, 180 or 270.
    /// </summary>
    private static int Rotation(JsonElement stream)
    {
        double? degrees = null;
        if (stream.TryGetProperty("side_data_list", out var sideData) && sideData.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in sideData.EnumerateArray())
            {
                if (Double(item, "rotation") is { } r)
                {
                    degrees = r;
                    break;
                }
            }
        }
        if (degrees is null && stream.TryGetProperty("tags", out var tags))
            degrees = Double(tags, "rotate");
        if (degrees is null)
            return 0;
        var quarterTurns = (int)Math.Round(degrees.Value / 90.0);
        return (quarterTurns % 4 + 4) % 4 * 90;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;

    // ffprobe prints most numbers as strings and writes "N/A" when unknown.
    private static double? Double(JsonElement element, string name) =>
        double.TryParse(String(element, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static long? Long(JsonElement element, string name) =>
        Double(element, name) is { } value ? (long)value : null;

    private static int? Int(JsonElement element, string name) =>
        Double(element, name) is { } value ? (int)value : null;

    private static TimeSpan? Seconds(JsonElement element, string name) =>
        Double(element, name) is { } value && value >= 0 ? TimeSpan.FromSeconds(value) : null;
}
