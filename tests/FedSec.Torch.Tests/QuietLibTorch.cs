using System.Runtime.CompilerServices;

namespace FedSec.Torch.Tests;

/// <summary>Sets libtorch's C++ log level before any test loads libtorch, as the CLI does at start-up.</summary>
internal static class QuietLibTorch
{
    [ModuleInitializer]
    internal static void Initialize() => LibTorchLogging.QuietWarnings();
}
