using System.Runtime.InteropServices;
using FedSec.Data;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Simulation;
using FedSec.Torch.Training;
using FedSec.Torch.Triggers;
using FedSec.Torch.Triggers.Iba;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests;

/// <summary>
/// FedSec keeps libtorch's oneDNN off (it is wrong on AVX-512 CPUs, see <see cref="OneDnn"/>): every place that builds
/// a model to train or to differentiate switches it off. These tests switch it on first, so they run alone: switching
/// the process-wide setting while another test is inside a convolution is the race the class exists to avoid.
/// </summary>
[Collection(SwitchesOneDnn.Name)]
public class OneDnnTests
{
    private static readonly DatasetInfo MnistLike = DatasetCatalog.Info(DatasetCatalog.Mnist);

    private static bool LinuxX64 => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    private static bool? Off => LinuxX64 ? false : null;

    [Fact]
    public void Disable_WhenOn_SwitchesItOffAndStaysOffWhenCalledAgain()
    {
        Assert.Equal(LinuxX64, OneDnn.TrySetEnabled(true));
        Assert.Equal(LinuxX64 ? true : null, OneDnn.Enabled);
        OneDnn.Disable();
        Assert.Equal(Off, OneDnn.Enabled);
        OneDnn.Disable();
        Assert.Equal(Off, OneDnn.Enabled);
    }

    [Fact]
    public void TorchModelBackend_Built_SwitchesOneDnnOff()
    {
        OneDnn.TrySetEnabled(true);
        using var backend = new TorchModelBackend(ModelCatalog.CreateBuiltIn().Get("lenet5"), MnistLike);
        Assert.Equal(Off, OneDnn.Enabled);
    }

    [Fact]
    public void LocalTrainer_Built_SwitchesOneDnnOff()
    {
        using var model = ModelCatalog.CreateBuiltIn().Create("lenet5", new ImageShape(1, 28, 28), 10);
        OneDnn.TrySetEnabled(true);
        using var trainer = new LocalTrainer(model, ModuleVectors.LayoutOf(model));
        Assert.Equal(Off, OneDnn.Enabled);
    }

    [Fact]
    public void InputGradientModel_Built_SwitchesOneDnnOff()
    {
        OneDnn.TrySetEnabled(true);
        using var model = new InputGradientModel(ModelCatalog.CreateBuiltIn().Get("lenet5"), MnistLike);
        Assert.Equal(Off, OneDnn.Enabled);
    }

    [Fact]
    public void IbaTrigger_Built_SwitchesOneDnnOff()
    {
        OneDnn.TrySetEnabled(true);
        using var trigger = new IbaTrigger(1, 0.3, seed: 3);
        Assert.Equal(Off, OneDnn.Enabled);
    }

    // The convolutions whose float32 input gradient oneDNN got wrong on an AVX-512 machine (by 25–80 % of its largest
    // entry): lenet_dlg's third (12 → 12, 5×5, stride 1, padding 2, 7×7) and a 1-channel first layer. With oneDNN
    // off they agree with float64, which never runs on oneDNN.
    [Theory]
    [InlineData(12, 7, 1)]
    [InlineData(1, 28, 2)]
    public void Disable_Float32ConvolutionInputGradient_MatchesFloat64(int inChannels, int size, int stride)
    {
        OneDnn.Disable();
        using var scope = NewDisposeScope();
        random.manual_seed(1);
        var x = randn(2, inChannels, size, size, dtype: ScalarType.Float64);
        var w = rand(12, inChannels, 5, 5, dtype: ScalarType.Float64) - 0.5;
        int outSize = ((size + 4 - 5) / stride) + 1;
        var upstream = randn(2, 12, outSize, outSize, dtype: ScalarType.Float64);
        var reference = InputGradient(x, w, upstream, stride);
        var single = InputGradient(x.to(ScalarType.Float32), w.to(ScalarType.Float32), upstream.to(ScalarType.Float32), stride).to(ScalarType.Float64);
        double error = (single - reference).abs().max().item<double>() / reference.abs().max().item<double>();
        Assert.True(error < 1e-5, $"relative error {error}");
    }

    private static Tensor InputGradient(Tensor x, Tensor w, Tensor upstream, int stride)
    {
        var input = x.detach().requires_grad_(true);
        var y = nn.functional.conv2d(input, w, strides: [stride, stride], padding: [2, 2]);
        return autograd.grad([y], [input], [upstream])[0];
    }
}
