namespace ResourceHub.Media.Commands;

/// <summary>Where one transcode writes (absolute paths). Each HLS rung gets its own folder under <see cref="HlsDirectory"/>.</summary>
public sealed record VideoOutputs(string Mp4, string HlsDirectory, string Poster, string Thumbnail)
{
    public string HlsRungDirectory(RungPlan rung) => Path.Combine(HlsDirectory, rung.Rung.Name);

    public string HlsPlaylist(RungPlan rung) => Path.Combine(HlsRungDirectory(rung), FfmpegCommands.HlsMediaPlaylistName);
}
