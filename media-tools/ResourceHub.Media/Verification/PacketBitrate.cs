using System.Globalization;

namespace ResourceHub.Media.Verification;

public sealed record Packet(int StreamIndex, double Time, int Size, bool IsKeyframe);

/// <summary>
/// Bitrate over time from ffprobe packet lists (<see cref="Commands.FfmpegCommands.Packets"/>).
/// A viewer's line must carry the busiest second, not the average, so the peak is what matters.
/// </summary>
public static class PacketBitrate
{
    /// <summary>Parses <c>-of compact=p=0</c> style lines ("stream_index=0|pts_time=…|dts_time=…|size=…|flags=K_").</summary>
    public static IReadOnlyList<Packet> Parse(string ffprobeOutput)
    {
        var packets = new List<Packet>();
        foreach (var rawLine in ffprobeOutput.Split('\n'))
        {
            var line = rawLine.Trim();
            if (line.Length == 0)
                continue;
            int? stream = null, size = null;
            double? dts = null, pts = null;
            var key = false;
            foreach (var field in line.Split('|'))
            {
                var eq = field.IndexOf('=');
                if (eq <= 0)
                    continue;
                var name = field[..eq];
                var value = field[(eq + 1)..];
                switch (name)
                {
                    case "stream_index": stream = ParseInt(value); break;
                    case "size": size = ParseInt(value); break;
                    case "dts_time": dts = ParseDouble(value); break;
                    case "pts_time": pts = ParseDouble(value); break;
                    case "flags": key = value.StartsWith('K'); break;
                }
            }
            // Decode order (dts) is transmission order; pts is a fallback when dts is N/A.
            if (stream is { } s && size is { } z && (dts ?? pts) is { } t)
                packets.Add(new Packet(s, t, z, key));
        }
        return packets;
    }

    /// <summary>Highest bits per second over any sliding window starting at a packet.</summary>
    public static double PeakBitsPerSecond(IReadOnlyList<Packet> packets, double windowSeconds = 1.0)
    {
        var ordered = packets.OrderBy(p => p.Time).ToArray();
        long windowBytes = 0, peakBytes = 0;
        var end = 0;
        for (var start = 0; start < ordered.Length; start++)
        {
            while (end < ordered.Length && ordered[end].Time < ordered[start].Time + windowSeconds)
                windowBytes += ordered[end++].Size;
            peakBytes = Math.Max(peakBytes, windowBytes);
            windowBytes -= ordered[start].Size;
        }
        return peakBytes * 8 / windowSeconds;
    }

    private static int? ParseInt(string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static double? ParseDouble(string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
}
