using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests;

public class OneDnnTests
{
    private static bool LinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    [Fact]
    public void Enabled_OnLinuxX64_IsReachableAndOnByDefault()
    {
        Assert.Equal(LinuxX64 ? true : null, OneDnn.Enabled);
    }

    [Fact]
    public void Suspend_Disposed_RestoresTheSettingFoundAtItsStart()
    {
        using (OneDnn.Suspend())
        {
            Assert.Equal(LinuxX64 ? false : null, OneDnn.Enabled);
            using (OneDnn.Suspend())
            {
                Assert.Equal(LinuxX64 ? false : null, OneDnn.Enabled);
            }

            Assert.Equal(LinuxX64 ? false : null, OneDnn.Enabled);
        }

        Assert.Equal(LinuxX64 ? true : null, OneDnn.Enabled);
    }

    // The convolutions whose float32 input gradient oneDNN got wrong on an AVX-512 machine (by 25–80 % of its largest
    // entry): lenet_dlg's third (12 → 12, 5×5, stride 1, padding 2, 7×7) and a 1-channel first layer. With oneDNN
    // suspended they agree with float64, which never runs on oneDNN.
    [Theory]
    [InlineData(12, 7, 1)]
    [InlineData(1, 28, 2)]
    public void Suspend_Float32ConvolutionInputGradient_MatchesFloat64(int inChannels, int size, int stride)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var x = randn(2, inChannels, size, size, dtype: ScalarType.Float64);
        var w = rand(12, inChannels, 5, 5, dtype: ScalarType.Float64) - 0.5;
        int outSize = ((size + 4 - 5) / stride) + 1;
        var upstream = randn(2, 12, outSize, outSize, dtype: ScalarType.Float64);
        var reference = InputGradient(x, w, upstream, stride);

        using (OneDnn.Suspend())
        {
            var single = InputGradient(x.to(ScalarType.Float32), w.to(ScalarType.Float32), upstream.to(ScalarType.Float32), stride).to(ScalarType.Float64);
            double error = (single - reference).abs().max().item<double>() / reference.abs().max().item<double>();
            Assert.True(error < 1e-5, $"relative error {error}");
        }
    }

    private static Tensor InputGradient(Tensor x, Tensor w, Tensor upstream, int stride)
    {
        var input = x.detach().requires_grad_(true);
        var y = nn.functional.conv2d(input, w, strides: [stride, stride], padding: [2, 2]);
        return autograd.grad([y], [input], [upstream])[0];
    }
}
