using System.Runtime.InteropServices;
using TorchSharp;

namespace FedSec.Torch;

/// <summary>
/// Switches libtorch's use of oneDNN (formerly MKL-DNN) for CPU convolutions: PyTorch's
/// <c>torch.backends.mkldnn.enabled</c>, i.e. <c>at::globalContext().setUserEnabledMkldnn</c>, which TorchSharp does not
/// expose. Needed because libtorch 2.10's oneDNN (3.7.1) computes wrong input gradients for some float32
/// convolutions on AVX-512 CPUs (measured on an AMD EPYC: its <c>jit:avx512_core</c> backward-data kernel, picked for
/// 1-channel inputs and for 12 → 12 channels, 5×5, stride 1, padding 2 on 7×7; errors of 25–80 % of the gradient's
/// largest entry, different from call to call, sometimes NaN), while the forward pass and weight gradients are right.
/// With oneDNN off, libtorch uses its own im2col + GEMM kernels, which are right but slower on wide layers (the
/// <c>cnn</c> trains about 1.5–2× slower), so it is switched off only where needed (see
/// <see cref="Models.ModelDescriptor.AvoidOneDnn"/>). Linux x64 only: the entry points are found by their Itanium C++
/// ABI names in <c>libtorch_cpu.so</c>; elsewhere nothing is switched.
/// </summary>
internal static class OneDnn
{
    private const string Library = "libtorch_cpu.so";

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

    /// <summary>Forbids oneDNN convolutions until the returned scope is disposed, which restores the previous setting.</summary>
    public static OneDnnSuspension Suspend() => new(Enabled);

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
