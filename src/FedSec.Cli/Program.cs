using Spectre.Console;

namespace FedSec.Cli;

/// <summary>The <c>fedsec</c> executable: prepares libtorch, then runs the command line (<see cref="FedSecApp"/>).</summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        // Before libtorch loads, which reads its log level once: its C++ warnings stay off standard error.
        FedSec.Torch.LibTorchLogging.QuietWarnings();

        // Keeps libtorch's per-step buffers mapped instead of unmapping and faulting them in afresh each step.
        FedSec.Torch.NativeAllocatorTuning.Apply();
        return FedSecApp.Run(args, AnsiConsole.Console);
    }
}
