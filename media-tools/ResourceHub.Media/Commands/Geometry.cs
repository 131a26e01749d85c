namespace ResourceHub.Media.Commands;

/// <summary>Output sizes and frame rates derived from the source.</summary>
public static class Geometry
{
    /// <summary>
    /// Scales so the SHORT side becomes <paramref name="maxShortSide"/> (a portrait 1080x1920 phone clip
    /// becomes 720x1280, not 406x720), never upscales, and keeps both sides even for yuv420p.
    /// </summary>
    public static (int Width, int Height) FitShortSide(int displayWidth, int displayHeight, int maxShortSide)
    {
        if (displayWidth <= 0 || displayHeight <= 0)
            throw new ArgumentOutOfRangeException(nameof(displayWidth), "Source dimensions must be positive.");
        var shortSide = Math.Min(displayWidth, displayHeight);
        var scale = Math.Min(1.0, (double)maxShortSide / shortSide);
        return (Even(displayWidth * scale, displayWidth), Even(displayHeight * scale, displayHeight));
    }

    /// <summary>Scales to a width (never up), height from the aspect ratio, both even.</summary>
    public static (int Width, int Height) FitWidth(int width, int height, int maxWidth)
    {
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(nameof(width), "Source dimensions must be positive.");
        var scale = Math.Min(1.0, (double)maxWidth / width);
        return (Even(width * scale, width), Even(height * scale, height));
    }

    /// <summary>Source rate rounded (29.97 → 30, 23.976 → 24), capped; 25 when the source does not say.</summary>
    public static int OutputFrameRate(double? sourceRate, int maxRate)
    {
        if (sourceRate is not > 0 || double.IsInfinity(sourceRate.Value))
            return Math.Min(25, maxRate);
        return Math.Clamp((int)Math.Round(sourceRate.Value), 1, maxRate);
    }

    // Nearest even number, but not above the source (641 becomes 640, not 642: no upscaling by a pixel).
    private static int Even(double value, int sourceLimit)
    {
        var even = (int)Math.Round(value / 2, MidpointRounding.AwayFromZero) * 2;
        return Math.Max(2, Math.Min(even, sourceLimit / 2 * 2));
    }
}
