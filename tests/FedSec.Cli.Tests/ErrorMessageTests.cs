namespace FedSec.Cli.Tests;

public sealed class ErrorMessageTests
{
    [Fact]
    public void For_AnErrorOfFedSec_IsItsMessageUnchanged() =>
        Assert.Equal("Another 'fedsec bench' is running.", ErrorMessage.For(new FedSec.Cli.Commands.UsageException("Another 'fedsec bench' is running."), ["bench", "g.yaml"]));

    [Fact]
    public void CommandOf_DataFetch_IsTheTwoWords() => Assert.Equal("data fetch", ErrorMessage.CommandOf(["data", "fetch", "mnist"]));

    [Fact]
    public void CommandOf_PrivacyNoise_IsTheTwoWords() => Assert.Equal("privacy noise", ErrorMessage.CommandOf(["privacy", "noise", "--epsilon", "1"]));

    [Fact]
    public void CommandOf_Run_IsRun() => Assert.Equal("run", ErrorMessage.CommandOf(["run", "--seed", "3"]));

    [Fact]
    public void CommandOf_NotACommand_Null() => Assert.Null(ErrorMessage.CommandOf(["frobnicate"]));
}
