using System.Runtime.InteropServices;

namespace FedSec.Torch;

/// <summary>
/// Keeps libtorch's C++ warnings (c10 logging) off standard error: on CPUs NNPACK does not know, every float64
/// convolution printed "Could not initialize NNPACK! Reason: Unsupported hardware.", a harmless note (libtorch then
/// uses its other kernels) that buried the real output. libtorch's level comes from the environment variable
/// <c>TORCH_CPP_LOG_LEVEL</c>, read by <c>c10::initLogging()</c>, which Python's <c>import torch</c> calls but a bare
/// libtorch (TorchSharp's) does not: setting the variable alone changes nothing. So the variable is set through
/// glibc's <c>setenv</c> (.NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/> does not change the
/// native environment on Linux) and <c>c10::initLogging()</c> is called to read it.
/// </summary>
public static class LibTorchLogging
{
    /// <summary>The environment variable libtorch reads its C++ log level from.</summary>
    public const string Variable = "TORCH_CPP_LOG_LEVEL";

    /// <summary>
    /// Sets <c>TORCH_CPP_LOG_LEVEL=ERROR</c> in the native environment unless the user has set it already, and has
    /// libtorch read it; call it at start-up (before or after libtorch is loaded). Linux with glibc only (elsewhere it
    /// returns false and changes nothing); false also when <c>setenv</c> failed or libtorch's <c>libc10.so</c> is not found.
    /// </summary>
    public static bool QuietWarnings()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            if (SetEnv(Variable, "ERROR", overwrite: 0) != 0)
            {
                return false;
            }

            InitLogging();
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>The value of <c>TORCH_CPP_LOG_LEVEL</c> in the native environment, or null when unset or unreadable.</summary>
    public static string? NativeValue()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(GetEnv(Variable));
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

    [DllImport("libc.so.6", EntryPoint = "setenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    // c10::initLogging(): reads TORCH_CPP_LOG_LEVEL into c10's log level (a free function, no arguments).
    [DllImport("libc10.so", EntryPoint = "_ZN3c1011initLoggingEv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern void InitLogging();

    [DllImport("libc.so.6", EntryPoint = "getenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern IntPtr GetEnv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
