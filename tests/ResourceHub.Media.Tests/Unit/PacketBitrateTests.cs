using ResourceHub.Media.Verification;

namespace ResourceHub.Media.Tests.Unit;

public class PacketBitrateTests
{
    [Fact]
    public void Parses_compact_output_using_dts_and_falling_back_to_pts()
    {
        const string output = """
            stream_index=0|pts_time=0.000000|dts_time=-0.066667|size=19160|flags=K_
            stream_index=1|pts_time=-0.023220|dts_time=-0.023220|size=340|flags=KD|
            stream_index=0|pts_time=0.100000|dts_time=N/A|size=100|flags=__
            garbage line
            """;
        var packets = PacketBitrate.Parse(output);

        Assert.Equal(3, packets.Count);
        Assert.Equal(new Packet(0, -0.066667, 19160, true), packets[0]);
        Assert.Equal(new Packet(1, -0.023220, 340, true), packets[1]);
        Assert.Equal(new Packet(0, 0.1, 100, false), packets[2]);
    }

    [Fact]
    public void Peak_uses_sliding_windows_not_fixed_seconds()
    {
        // 100 kB just before 1 s and 100 kB just after: fixed windows see 800 kbit each, a sliding one 1.6 Mbit.
        Packet[] packets = [new(0, 0.0, 1000, true), new(0, 0.9, 100_000, false), new(0, 1.1, 100_000, false), new(0, 2.5, 1000, false)];

        Assert.Equal(1_600_000, PacketBitrate.PeakBitsPerSecond(packets));
    }

    [Fact]
    public void Window_end_is_exclusive()
    {
        Packet[] packets = [new(0, 0.0, 1000, true), new(1, 1.0, 1000, false)];
        Assert.Equal(8000, PacketBitrate.PeakBitsPerSecond(packets));
        Assert.Equal(0, PacketBitrate.PeakBitsPerSecond([]));
    }
}
