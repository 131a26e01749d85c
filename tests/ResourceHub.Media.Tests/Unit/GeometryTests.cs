using ResourceHub.Media.Commands;

namespace ResourceHub.Media.Tests.Unit;

public class GeometryTests
{
    [Theory]
    [InlineData(1920, 1080, 720, 1280, 720)]  // landscape 1080p
    [InlineData(1080, 1920, 720, 720, 1280)]  // portrait phone: short side becomes 720
    [InlineData(640, 360, 720, 640, 360)]     // never upscaled
    [InlineData(641, 361, 720, 640, 360)]     // odd: even, and not a pixel wider than the source
    [InlineData(1920, 1080, 480, 854, 480)]   // 480p rung of 16:9
    [InlineData(1440, 1080, 720, 960, 720)]   // 4:3
    [InlineData(3840, 2160, 720, 1280, 720)]
    [InlineData(720, 720, 480, 480, 480)]     // square
    public void Fit_short_side(int w, int h, int shortSide, int expectedW, int expectedH) =>
        Assert.Equal((expectedW, expectedH), Geometry.FitShortSide(w, h, shortSide));

    [Theory]
    [InlineData(1280, 720, 320, 320, 180)]
    [InlineData(720, 1280, 320, 320, 568)]    // 568.9 rounds to the nearest even
    [InlineData(200, 101, 320, 200, 100)]     // small image kept (made even)
    public void Fit_width(int w, int h, int maxWidth, int expectedW, int expectedH) =>
        Assert.Equal((expectedW, expectedH), Geometry.FitWidth(w, h, maxWidth));

    [Fact]
    public void Zero_size_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Geometry.FitShortSide(0, 1080, 720));

    [Theory]
    [InlineData(29.97, 30)]
    [InlineData(23.976, 24)]
    [InlineData(25.0, 25)]
    [InlineData(59.94, 30)]
    [InlineData(120.0, 30)]
    [InlineData(30.5, 30)]
    [InlineData(0.4, 1)]
    [InlineData(null, 25)]
    [InlineData(0.0, 25)]
    public void Output_frame_rate(double? source, int expected) =>
        Assert.Equal(expected, Geometry.OutputFrameRate(source, 30));
}
