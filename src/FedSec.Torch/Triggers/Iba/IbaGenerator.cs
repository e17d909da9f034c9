using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Triggers.Iba;

/// <summary>
/// IBA's trigger generator T (Nguyen et al., NeurIPS 2023, after LIRA's conditional autoencoder / U-Net), made small
/// enough to train on two CPU cores: a one-level U-Net. Encoder: conv 3×3 C→8, ReLU (full resolution, kept for the
/// skip connection); average-pool 2, conv 3×3 8→16, ReLU. Decoder: nearest upsampling back to H × W, concatenation
/// with the skip features, conv 3×3 24→8, ReLU, conv 3×3 8→C, tanh. Its output is in (−1, 1) per pixel, so
/// x + ε·T(x) stays within ε of x in L∞ before clipping to [0, 1]. The authors' U-Net has four levels and 64–512
/// channels, and BatchNorm; this one has none, so its output does not depend on the batch.
/// </summary>
internal sealed class IbaGenerator : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d enc1;
    private readonly Conv2d enc2;
    private readonly Conv2d dec1;
    private readonly Conv2d dec2;
    private readonly AvgPool2d pool;

    public IbaGenerator(int channels)
        : base("iba_generator")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        enc1 = nn.Conv2d(channels, 8, 3, padding: 1);
        enc2 = nn.Conv2d(8, 16, 3, padding: 1);
        dec1 = nn.Conv2d(24, 8, 3, padding: 1);
        dec2 = nn.Conv2d(8, channels, 3, padding: 1);
        pool = nn.AvgPool2d(2);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var skip = nn.functional.relu(enc1.forward(input));
        var x = nn.functional.relu(enc2.forward(pool.forward(skip)));
        x = nn.functional.interpolate(x, size: [input.shape[2], input.shape[3]], mode: InterpolationMode.Nearest);
        x = nn.functional.relu(dec1.forward(cat([x, skip], 1)));
        return tanh(dec2.forward(x)).MoveToOuterDisposeScope();
    }
}
