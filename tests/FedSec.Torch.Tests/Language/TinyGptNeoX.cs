using FedSec.Language.Models;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

/// <summary>Tiny GPT-NeoX models for tests: vocabulary 11, width 8, 2 heads of 4 (2 of them rotary), 2 layers.</summary>
internal static class TinyGptNeoX
{
    public static GptNeoXConfig Config(bool parallel = true) => new(11, 8, 2, 2, 16, RotaryPercent: 0.5, ParallelResidual: parallel, MaxPositions: 16)
    {
        InitializerRange = 0.5,
    };

    public static GptNeoX Create(long seed = 1, bool parallel = true)
    {
        using var g = new Generator((ulong)seed);
        return new GptNeoX(Config(parallel), g);
    }

    public static Tensor Tokens(params long[][] rows) => tensor(rows.SelectMany(r => r).ToArray(), [rows.Length, rows[0].Length], ScalarType.Int64);
}
