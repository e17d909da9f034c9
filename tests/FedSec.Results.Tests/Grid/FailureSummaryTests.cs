using FedSec.Results.Grid;

namespace FedSec.Results.Tests.Grid;

public sealed class FailureSummaryTests
{
    [Fact]
    public void Of_ErrorMessageWrappedOverLines_IsTheWholeMessageJoinedAgain()
    {
        string[] log =
        [
            "Round 1 of 20",
            "error: Fashion-MNIST file(s) train-images-idx3-ubyte not found in '/data/fashion_mnist'. Run `fedsec data",
            "fetch fashion_mnist` (or let `fedsec run` fetch it), or put its four IDX files in",
            "'/data/fashion_mnist'.",
        ];

        Assert.Equal(
            "Fashion-MNIST file(s) train-images-idx3-ubyte not found in '/data/fashion_mnist'. Run `fedsec data fetch fashion_mnist` (or let `fedsec run` fetch it), or put its four IDX files in '/data/fashion_mnist'. (log: run.log)",
            FailureSummary.Of(log, "run.log"));
    }

    [Fact]
    public void Of_NoErrorLine_TheLastFiveLinesWithoutNnpackNoise()
    {
        string[] log = ["a", "b", "c", "[W NNPACK.cpp:64] Could not initialize NNPACK", "d", "e", "f", "Unhandled exception. Boom"];

        Assert.Equal("c / d / e / f / Unhandled exception. Boom (log: run.log)", FailureSummary.Of(log, "run.log"));
    }

    [Fact]
    public void Of_VeryLongError_CutAtTheLimit()
    {
        string summary = FailureSummary.Of(["error: " + new string('x', 2000)], "run.log");

        Assert.Equal(FailureSummary.MaxErrorLength + " … (log: run.log)".Length, summary.Length);
    }

    [Fact]
    public void Of_EmptyLog_SaysSoAndWhereItIs() => Assert.Equal("no output (see run.log)", FailureSummary.Of(["", "  "], "run.log"));
}
