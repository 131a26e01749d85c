using ResourceHub.Media.Probing;

namespace ResourceHub.Media.Tests.Unit;

public class ProgressParserTests
{
    private static List<ProgressSnapshot> ParseRecorded()
    {
        var parser = new ProgressParser();
        return Fixture.Read("progress-3s.txt").Split('\n').Select(parser.Feed).OfType<ProgressSnapshot>().ToList();
    }

    [Fact]
    public void Recorded_output_yields_one_snapshot_per_block_ending_with_end()
    {
        var snapshots = ParseRecorded();

        Assert.Equal(3, snapshots.Count);
        Assert.Equal(TimeSpan.FromTicks(42_667 * 10), snapshots[0].OutTime);
        Assert.Equal(0.631, snapshots[0].Speed);
        Assert.Equal(TimeSpan.FromTicks(2_858_667 * 10), snapshots[1].OutTime);
        Assert.False(snapshots[1].IsEnd);
        Assert.True(snapshots[2].IsEnd);
    }

    [Fact]
    public void Percent_and_eta_from_known_duration()
    {
        var duration = TimeSpan.FromSeconds(3.008);
        var middle = ParseRecorded()[1];

        Assert.Equal(95.04, middle.Percent(duration), 1);
        // (3.008 - 2.858667) s of media left at 4.94x.
        Assert.Equal(0.149333 / 4.94, middle.Eta(duration)!.Value.TotalSeconds, 3);
    }

    [Fact]
    public void End_is_100_percent_and_no_time_left()
    {
        var end = ParseRecorded()[^1];

        Assert.Equal(100, end.Percent(TimeSpan.FromSeconds(3)));
        Assert.Equal(TimeSpan.Zero, end.Eta(TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Before_the_first_frame_values_are_unknown()
    {
        var parser = new ProgressParser();
        Assert.Null(parser.Feed("out_time_us=N/A"));
        Assert.Null(parser.Feed("speed=N/A"));
        var snapshot = parser.Feed("progress=continue")!;

        Assert.Equal(TimeSpan.Zero, snapshot.OutTime);
        Assert.Null(snapshot.Speed);
        Assert.Null(snapshot.Eta(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, snapshot.Percent(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Percent_stays_below_100_until_end_even_if_out_time_overshoots()
    {
        var parser = new ProgressParser();
        parser.Feed("out_time_us=5000000");
        var snapshot = parser.Feed("progress=continue")!;

        Assert.True(snapshot.Percent(TimeSpan.FromSeconds(4)) < 100);
        Assert.Equal(TimeSpan.Zero, new ProgressSnapshot(TimeSpan.FromSeconds(5), 2, false).Eta(TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public void Misnamed_out_time_ms_is_ignored()
    {
        var parser = new ProgressParser();
        parser.Feed("out_time_ms=2000000"); // microseconds despite the name in ffmpeg 5.1
        parser.Feed("out_time_us=1000000");
        Assert.Equal(TimeSpan.FromSeconds(1), parser.Feed("progress=continue")!.OutTime);
    }
}
