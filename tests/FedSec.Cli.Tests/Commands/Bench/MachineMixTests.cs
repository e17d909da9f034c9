using FedSec.Cli.Commands.Bench;

namespace FedSec.Cli.Tests.Commands.Bench;

public sealed class MachineMixTests
{
    [Fact]
    public void Warning_EveryRecordedRunOnThisMachine_None()
    {
        Assert.Null(MachineMix.Warning(new Dictionary<string, int> { ["EPYC; x64 avx512"] = 12 }, "EPYC; x64 avx512"));
        Assert.Null(MachineMix.Warning(new Dictionary<string, int>(), "EPYC; x64 avx512"));
    }

    [Fact]
    public void Warning_RunsOnOtherMachines_NamesEachWithItsCountAndThisOne()
    {
        var stored = new Dictionary<string, int> { ["Xeon; x64 avx2"] = 3, ["EPYC; x64 avx512"] = 12, ["EPYC; x64 avx512; ATEN_CPU_CAPABILITY=avx2"] = 1 };

        string? warning = MachineMix.Warning(stored, "EPYC; x64 avx512");

        Assert.NotNull(warning);
        Assert.StartsWith("stored runs trained on other machines (1 on \"EPYC; x64 avx512; ATEN_CPU_CAPABILITY=avx2\"; and 3 on \"Xeon; x64 avx2\") than this one (\"EPYC; x64 avx512\")", warning, StringComparison.Ordinal);
        Assert.Contains("set ATEN_CPU_CAPABILITY", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("12 on", warning, StringComparison.Ordinal);
    }
}
