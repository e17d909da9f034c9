using System.Runtime.InteropServices;
using FedSec.Output;

namespace FedSec.Core.Tests.Output;

public sealed class FedSecMachineTests
{
    [Fact]
    public void Describe_ModelVectorsAndSetPinningVariables_InThatOrder()
    {
        var env = new Dictionary<string, string> { ["DOTNET_EnableAVX512F"] = "0", ["ATEN_CPU_CAPABILITY"] = "avx2", ["PATH"] = "/bin" };

        string machine = FedSecMachine.Describe("  AMD EPYC   9R14 96-Core Processor ", "x64 avx512", name => env.GetValueOrDefault(name));

        Assert.Equal("AMD EPYC 9R14 96-Core Processor; x64 avx512; ATEN_CPU_CAPABILITY=avx2; DOTNET_EnableAVX512F=0", machine);
    }

    [Fact]
    public void Describe_NoModelAndEmptyVariables_SaysUnknownAndLeavesThemOut()
    {
        Assert.Equal("unknown processor; arm64 128-bit vectors", FedSecMachine.Describe(" ", "arm64 128-bit vectors", name => name == "MKL_CBWR" ? "" : null));
    }

    [Fact]
    public void Current_NamesThisProcessArchitecture()
    {
        string arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();

        Assert.Contains($"; {arch} ", FedSecMachine.Current, StringComparison.Ordinal);
    }
}
