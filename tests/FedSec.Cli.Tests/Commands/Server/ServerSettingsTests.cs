using FedSec.Cli.Commands.Server;

namespace FedSec.Cli.Tests.Commands.Server;

public sealed class ServerSettingsTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("half")]
    public void Validate_SecAggStepTimeoutNotAPositiveWholeNumber_FailsNamingTheOption(string text)
    {
        var result = new ServerSettings { SecAggStepTimeoutText = text }.Validate();

        Assert.False(result.Successful);
        Assert.Equal($"--secagg-step-timeout expects a whole number of at least 1, not '{text}'.", result.Message);
    }

    [Fact]
    public void SecAggStepTimeout_GivenInSeconds_IsThatDeadlineAndAbsentIsNull()
    {
        Assert.Equal(TimeSpan.FromSeconds(45), new ServerSettings { SecAggStepTimeoutText = "45" }.SecAggStepTimeout);
        Assert.Null(new ServerSettings().SecAggStepTimeout);
        Assert.True(new ServerSettings { SecAggStepTimeoutText = "45" }.Validate().Successful);
    }
}
