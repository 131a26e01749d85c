namespace ResourceHub.Media.Probing;

/// <summary>What ffprobe says about a file, reduced to what the pipeline decides on.</summary>
public sealed record MediaProbe(
    string FormatName,
    TimeSpan? Duration,
    long? SizeBytes,
    long? BitRate,
    IReadOnlyList<VideoStreamInfo> VideoStreams,
    IReadOnlyList<AudioStreamInfo> AudioStreams)
{
    /// <summary>First real video stream; cover art (attached pictures) does not count.</summary>
    public VideoStreamInfo? Video => VideoStreams.FirstOrDefault(v => !v.IsAttachedPicture);

    public AudioStreamInfo? Audio => AudioStreams.FirstOrDefault();

    public bool HasAudio => Audio is not null;
}

public sealed record VideoStreamInfo(
    int Index,
    string Codec,
    int Width,
    int Height,
    int Rotation,
    Rational SampleAspectRatio,
    Rational AverageFrameRate,
    Rational RealFrameRate,
    string? PixelFormat,
    string? Profile,
    int? Level,
    long? BitRate,
    TimeSpan? Duration,
    bool IsAttachedPicture)
{
    /// <summary>Size as shown to the viewer: pixel aspect applied, then width/height swapped for 90/270 rotation.</summary>
    public (int Width, int Height) DisplaySize
    {
        get
        {
            var width = SampleAspectRatio.IsValid && SampleAspectRatio.Numerator != SampleAspectRatio.Denominator
                ? (int)Math.Round(Width * SampleAspectRatio.Value)
                : Width;
            return Rotation is 90 or 270 ? (Height, width) : (width, Height);
        }
    }

    /// <summary>avg_frame_rate when known (it reflects real frames for variable-rate phone video), else r_frame_rate.</summary>
    public double? FrameRate =>
        AverageFrameRate.IsValid ? AverageFrameRate.Value
        : RealFrameRate.IsValid ? RealFrameRate.Value
        : null;
}

public sealed record AudioStreamInfo(int Index, string Codec, int Channels, int SampleRate, long? BitRate);
