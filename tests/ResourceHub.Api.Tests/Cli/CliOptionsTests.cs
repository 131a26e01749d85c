using ResourceHub.Api.Cli;

namespace ResourceHub.Api.Tests.Cli;

public sealed class CliOptionsTests
{
    [Fact]
    public void Pairs_flags_and_repeated_names_are_read()
    {
        var options = CliOptions.Parse(["--user", "alice", "--verbose", "--subject", "math", "--subject", "physics"]);
        Assert.Equal("alice", options.Single("user"));
        Assert.Equal("true", options.Single("verbose"));
        Assert.Equal(["math", "physics"], options.All("subject"));
        Assert.Null(options.Single("org"));
    }
}
