using System.Runtime.InteropServices;

namespace FedSec.Torch.Tests;

public class NativeAllocatorTuningTests
{
    [Fact]
    public void Apply_OnThisPlatform_ReportsWhetherGlibcTookTheSettings()
    {
        // glibc is the libc wherever libc.so.6 loads; elsewhere (Windows, macOS, musl) nothing can be tuned.
        bool glibc = OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out _);

        Assert.Equal(glibc, NativeAllocatorTuning.Apply());
    }
}
