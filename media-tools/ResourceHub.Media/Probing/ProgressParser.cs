using System.Globalization;

namespace ResourceHub.Media.Probing;

/// <summary>One block of ffmpeg's <c>-progress</c> output (emitted at each "progress=" line).</summary>
public sealed record ProgressSnapshot(TimeSpan OutTime, double? Speed, bool IsEnd)
{
    /// <summary>0–100 of the known duration; 100 once ffmpeg says "progress=end".</summary>
    public double Percent(TimeSpan duration)
    {
        if (IsEnd)
            return 100;
        if (duration <= TimeSpan.Zero)
            return 0;
        return Math.Clamp(OutTime / duration * 100, 0, 99.9);
    }

    /// <summary>Remaining time from ffmpeg's own speed (media seconds per wall second).</summary>
    public TimeSpan? Eta(TimeSpan duration)
    {
        if (IsEnd)
            return TimeSpan.Zero;
        if (Speed is not > 0 || duration <= TimeSpan.Zero)
            return null;
        var remaining = duration - OutTime;
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining / Speed.Value;
    }
}

/// <summary>
/// Reads <c>-progress pipe:1</c> lines ("key=value"). Only out_time_us is used: in ffmpeg 5.1
/// out_time_ms is also microseconds (a long-standing naming bug), so it is ignored.
/// </summary>
public sealed class ProgressParser
{
    private TimeSpan _outTime;
    private double? _speed;

    /// <returns>A snapshot when the line closes a block, otherwise null.</returns>
    public ProgressSnapshot? Feed(string line)
    {
        var equals = line.IndexOf('=');
        if (equals <= 0)
            return null;
        var key = line[..equals].Trim();
        var value = line[(equals + 1)..].Trim();
        switch (key)
        {
            case "out_time_us":
                if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var us) && us >= 0)
                    _outTime = TimeSpan.FromTicks(us * 10);
                return null;
            case "speed":
                // "1.23x", or "N/A" before the first frame.
                _speed = double.TryParse(value.TrimEnd('x'), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : null;
                return null;
            case "progress":
                return new ProgressSnapshot(_outTime, _speed, value == "end");
            default:
                return null;
        }
    }
}
