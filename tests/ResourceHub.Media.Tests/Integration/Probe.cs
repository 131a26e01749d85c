using ResourceHub.Media.Commands;
using ResourceHub.Media.Pipeline;
using ResourceHub.Media.Probing;
using ResourceHub.Media.Processes;
using ResourceHub.Media.Verification;

namespace ResourceHub.Media.Tests.Integration;

/// <summary>Independent look at outputs, through ffprobe rather than the pipeline's own verdict.</summary>
internal static class Probe
{
    private static readonly FfmpegRunner Runner = new(new MediaToolOptions());

    public static Task<MediaProbe> FileAsync(string path) => Runner.ProbeAsync(path);

    public static async Task<IReadOnlyList<Packet>> PacketsAsync(string path) =>
        PacketBitrate.Parse(await Runner.RunFfprobeAsync(FfmpegCommands.Packets(path)));

    public static string PathOf(string outputDirectory, RenditionOutput output, int file = 0) =>
        Path.Combine(outputDirectory, output.Files[file].RelativePath);

    public static RenditionOutput Single(VideoJobResult result, RenditionKind kind) =>
        Assert.Single(result.Outputs, o => o.Kind == kind);
}
