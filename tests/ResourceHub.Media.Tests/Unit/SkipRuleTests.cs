using ResourceHub.Media.Tests.Integration;

namespace ResourceHub.Media.Tests.Unit;

public class SkipRuleTests
{
    [Fact]
    public void Media_tests_skip_only_without_ffmpeg_and_without_the_require_flag()
    {
        Assert.Null(FfmpegFactAttribute.SkipReason(toolsPresent: true, requireFfmpeg: null));
        Assert.Null(FfmpegFactAttribute.SkipReason(toolsPresent: false, requireFfmpeg: "1")); // run and fail loudly
        Assert.Contains("RESOURCEHUB_REQUIRE_FFMPEG", FfmpegFactAttribute.SkipReason(toolsPresent: false, requireFfmpeg: null));
    }
}
