using FedSec.Cli.Commands;

namespace FedSec.Cli.Tests.Commands;

public sealed class OptionChecksTests
{
    [Fact]
    public void WholeNumber_Absent_NoProblem() => Assert.Null(OptionChecks.WholeNumber<int>("--threads", null, 1));

    [Fact]
    public void WholeNumber_AtTheMinimum_NoProblem() => Assert.Null(OptionChecks.WholeNumber<int>("--threads", "1", 1));

    [Fact]
    public void WholeNumber_BelowTheMinimum_NamesOptionMinimumAndValue() =>
        Assert.Equal("--threads expects a whole number of at least 1, not '0'.", OptionChecks.WholeNumber<int>("--threads", "0", 1));

    [Fact]
    public void WholeNumber_NotANumberAndNoMinimum_NamesOptionAndValue() =>
        Assert.Equal("--seed expects a whole number, not '1.5'.", OptionChecks.WholeNumber<long>("--seed", "1.5"));

    [Fact]
    public void WholeNumber_TooLargeForTheType_IsAProblem() =>
        Assert.NotNull(OptionChecks.WholeNumber<int>("--parallel", "99999999999", 1));

    [Fact]
    public void Parse_Text_TheNumber() => Assert.Equal(-3L, OptionChecks.Parse<long>("-3"));

    [Fact]
    public void Result_NoProblem_Success() => Assert.True(OptionChecks.Result(null, null).Successful);

    [Fact]
    public void Result_TwoProblems_ErrorListsBothInOrder()
    {
        var result = OptionChecks.Result("First.", null, "Second.");

        Assert.False(result.Successful);
        Assert.Equal("First. Second.", result.Message);
    }
}
