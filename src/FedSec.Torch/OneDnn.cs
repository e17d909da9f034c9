using System.Runtime.InteropServices;
using TorchSharp;

namespace FedSec.Torch;

/// <summary>
/// Keeps libtorch from using oneDNN (formerly MKL-DNN) for CPU convolutions: PyTorch's
/// <c>torch.backends.mkldnn.enabled = False</c>, i.e. <c>at::globalContext().setUserEnabledMkldnn(false)</c>, which
/// TorchSharp does not expose. libtorch 2.10's oneDNN (3.7.1) is wrong on AVX-512 CPUs such as this project's AMD EPYC,
/// from call to call and in both directions: input gradients off by 25–80 % of their largest entry for 1-channel
/// inputs and for 12 → 12 channels, 5×5 on 7×7 (its <c>jit:avx512_core</c> backward-data kernel); IBA's generator
/// forward off by ~3 % of ε in 297 of 300 probes and NaN in 4; byzfl_cnn_mnist's forward once off by 3× its output
/// while the same probe agreed to 4e-5 on another day; and a CI run whose byzfl_cnn_mnist training step was NaN. A
/// per-model or per-call switch (what FedSec had before) is not enough: the setting is process-wide, so switching it
/// while another thread is inside a convolution (concurrent client trainings, parallel tests) is a race of its own.
/// So FedSec switches oneDNN off once, before its first convolution (<see cref="Disable"/>, called where a model is
/// built to train or to differentiate), and never on again; libtorch then runs its im2col + GEMM kernels, which are
/// right, at some cost in speed on wide layers (bench/FedSec.Bench's LocalTrainingBenchmark measures it). Linux x64
/// only: the entry points are found by their Itanium C++ ABI names in <c>libtorch_cpu.so</c>; elsewhere nothing is
/// switched.
/// </summary>
internal static class OneDnn
{
    private const string Library = "libtorch_cpu.so";
    private static readonly Lock Gate = new();

    /// <summary>Whether libtorch may use oneDNN for convolutions; null where the switch cannot be reached.</summary>
    public static bool? Enabled
    {
        get
        {
            if (!Reachable())
            {
                return null;
            }

            try
            {
                return UserEnabledMkldnn(GlobalContext());
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }
    }

    /// <summary>Allows or forbids oneDNN convolutions process-wide; false where the switch cannot be reached.</summary>
    public static bool TrySetEnabled(bool enabled)
    {
        if (!Reachable())
        {
            return false;
        }

        try
        {
            SetUserEnabledMkldnn(GlobalContext(), enabled);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Switches oneDNN off for the process if it is on (where the switch can be reached). Cheap: called where a model is
    /// built, not per step. Nothing in FedSec switches it on again (<see cref="TrySetEnabled"/> is for benchmarks and tests).
    /// </summary>
    public static void Disable()
    {
        lock (Gate)
        {
            if (Enabled == true)
            {
                TrySetEnabled(false);
            }
        }
    }

    private static bool Reachable()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            return false;
        }

        // TorchSharp loads libtorch (and what it depends on) from its own package first.
        torch.InitializeDeviceType(DeviceType.CPU);
        return true;
    }

    [DllImport(Library, EntryPoint = "_ZN2at13globalContextEv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr GlobalContext();

    // Non-virtual member functions take the object as their first argument in the Itanium ABI.
    [DllImport(Library, EntryPoint = "_ZNK2at7Context17userEnabledMkldnnEv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    [return: MarshalAs(UnmanagedType.U1)]
    private static extern bool UserEnabledMkldnn(IntPtr context);

    [DllImport(Library, EntryPoint = "_ZN2at7Context20setUserEnabledMkldnnEb")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern void SetUserEnabledMkldnn(IntPtr context, [MarshalAs(UnmanagedType.U1)] bool enabled);
}
