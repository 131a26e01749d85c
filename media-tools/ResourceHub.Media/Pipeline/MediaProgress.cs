using System.Diagnostics;

namespace ResourceHub.Media.Pipeline;

public enum MediaStage
{
    Probing,
    Transcoding,
    Verifying,
    Done,
}

/// <summary>
/// Job progress: the current stage, the whole job's percent (0–100) and time left for the job
/// (from elapsed time) and, during an encode, for the stage (from ffmpeg's reported speed).
/// </summary>
public sealed record MediaProgress(MediaStage Stage, double Percent, TimeSpan? Eta, TimeSpan? StageEta = null);

/// <summary>
/// Folds per-stage progress into one job-wide percent. Weights reflect rough cost: the transcode
/// dominates, probing and verification are cheap. ETA is from the job's elapsed time, so it also
/// covers stages ffmpeg cannot estimate (verification).
/// </summary>
internal sealed class JobProgress(IProgress<MediaProgress>? sink, IReadOnlyList<(MediaStage Stage, double Weight)> stages)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly double _totalWeight = stages.Sum(s => s.Weight);
    private double _lastPercent;

    public void Report(MediaStage stage, double stagePercent, TimeSpan? stageEta = null)
    {
        if (sink is null)
            return;
        double before = 0, weight = 0;
        foreach (var (s, w) in stages)
        {
            if (s == stage)
            {
                weight = w;
                break;
            }
            before += w;
        }
        var percent = stage == MediaStage.Done
            ? 100
            : (before + weight * Math.Clamp(stagePercent, 0, 100) / 100) / _totalWeight * 100;
        // Never go backwards: a consumer showing a bar should not see it jump back.
        percent = Math.Max(percent, _lastPercent);
        _lastPercent = percent;
        sink.Report(new MediaProgress(stage, Math.Round(percent, 1), Eta(percent), stageEta));
    }

    private TimeSpan? Eta(double percent)
    {
        if (percent >= 100)
            return TimeSpan.Zero;
        if (percent < 1)
            return null;
        return _clock.Elapsed * ((100 - percent) / percent);
    }
}
