using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// The LeNet variant of Zhu et al., "Deep Leakage from Gradients", NeurIPS 2019, on which gradient inversion works
/// well: smooth sigmoid activations and no pooling. Conv 5×5 12 stride 2 padding 2, conv 5×5 12 stride 2 padding 2,
/// conv 5×5 12 stride 1 padding 2, each followed by a sigmoid, then one linear layer (768 inputs on 32×32, 588 on
/// 28×28). Every weight and bias is drawn from U(−0.5, 0.5), the initialisation of the authors' code, since the
/// attack's success depends on it.
/// </summary>
internal sealed class LeNetDlg : nn.Module<Tensor, Tensor>, IPenultimateModel
{
    private readonly Sequential body;
    private readonly Linear fc;

    public LeNetDlg(ImageShape input, int classCount)
        : base("lenet_dlg")
    {
        int h = ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(input.Height, 5, 2, 2), 5, 2, 2), 5, 1, 2);
        int w = ConvArithmetic.Out(ConvArithmetic.Out(ConvArithmetic.Out(input.Width, 5, 2, 2), 5, 2, 2), 5, 1, 2);
        ConvArithmetic.Require("lenet_dlg", input, h, w);
        body = nn.Sequential(
            nn.Conv2d(input.Channels, 12, 5, stride: 2, padding: 2),
            nn.Sigmoid(),
            nn.Conv2d(12, 12, 5, stride: 2, padding: 2),
            nn.Sigmoid(),
            nn.Conv2d(12, 12, 5, stride: 1, padding: 2),
            nn.Sigmoid());
        fc = nn.Linear(12L * h * w, classCount);
        RegisterComponents();
        using var noGrad = no_grad();
        foreach (var p in parameters())
        {
            nn.init.uniform_(p, -0.5, 0.5);
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return fc.forward(body.forward(input).flatten(1)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        return body.forward(input).flatten(1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public Tensor Head(Tensor features) => fc.forward(features);

    /// <inheritdoc />
    public IEnumerable<TorchSharp.Modules.Parameter> HeadParameters() => fc.parameters();
}
