using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// The modules whose forward pass in training draws from libtorch's global random generator: with clients training
/// in parallel their draws would interleave in an order that depends on thread timing, so a model holding one trains
/// one client at a time. <see cref="SeededDropout"/> draws from its trainer's own generator instead.
/// </summary>
internal static class RandomModules
{
    /// <summary>Whether <paramref name="module"/> is one of libtorch's random layers (every dropout kind, RReLU).</summary>
    public static bool DrawsFromGlobalGenerator(nn.Module module) =>
        module is Dropout or Dropout1d or Dropout2d or Dropout3d or AlphaDropout or FeatureAlphaDropout or RReLU;
}
