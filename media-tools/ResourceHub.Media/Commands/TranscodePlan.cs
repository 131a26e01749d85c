using ResourceHub.Media.Probing;

namespace ResourceHub.Media.Commands;

/// <summary>One video output size with the rate limits that apply to it.</summary>
public sealed record RungPlan(VideoRung Rung, int Width, int Height);

/// <summary>Everything the commands need to know about a source, decided once from its probe.</summary>
public sealed record TranscodePlan(
    TimeSpan Duration,
    int VideoStreamIndex,
    int? AudioStreamIndex,
    int AudioSampleRate,
    int FrameRate,
    RungPlan Mp4,
    IReadOnlyList<RungPlan> HlsRungs,
    double PosterSeekSeconds,
    (int Width, int Height) Thumbnail)
{
    public bool HasAudio => AudioStreamIndex is not null;

    /// <summary>The ladder rung whose encode also makes the MP4 (same rung, same size); null when the MP4 needs its own.</summary>
    public RungPlan? SharedRung => HlsRungs.FirstOrDefault(r => r == Mp4);

    public static TranscodePlan Create(MediaProbe probe, TranscodeSettings settings)
    {
        var video = probe.Video ?? throw new ArgumentException("The probe has no video stream.", nameof(probe));
        var (displayWidth, displayHeight) = video.DisplaySize;
        var shortSide = Math.Min(displayWidth, displayHeight);
        var duration = probe.Duration ?? video.Duration ?? TimeSpan.Zero;

        RungPlan PlanRung(VideoRung rung)
        {
            var (w, h) = Geometry.FitShortSide(displayWidth, displayHeight, rung.ShortSide);
            return new RungPlan(rung, w, h);
        }

        // Never a rung bigger than the source; a small source still gets the lowest rung, at its own size.
        var rungs = settings.HlsRungs.OrderBy(r => r.ShortSide).ToList();
        var fitting = rungs.Where(r => r.ShortSide <= shortSide).ToList();
        if (fitting.Count == 0)
            fitting.Add(rungs[0]);

        var mp4 = PlanRung(settings.Mp4);
        return new TranscodePlan(
            Duration: duration,
            VideoStreamIndex: video.Index,
            AudioStreamIndex: probe.Audio?.Index,
            // AAC at the source's common rates is kept; anything else is resampled to 48 kHz.
            AudioSampleRate: probe.Audio?.SampleRate is 44100 or 48000 ? probe.Audio.SampleRate : 48000,
            FrameRate: Geometry.OutputFrameRate(video.FrameRate, settings.MaxFrameRate),
            Mp4: mp4,
            HlsRungs: fitting.Select(PlanRung).ToList(),
            PosterSeekSeconds: duration.TotalSeconds >= settings.PosterSeekSeconds + settings.PosterSearchSeconds
                ? settings.PosterSeekSeconds
                : 0,
            Thumbnail: Geometry.FitWidth(mp4.Width, mp4.Height, settings.ThumbnailWidth));
    }
}
