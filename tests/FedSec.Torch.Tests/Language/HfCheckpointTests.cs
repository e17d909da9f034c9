using FedSec.Language;
using FedSec.Language.Checkpoints;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

public sealed class HfCheckpointTests
{
    [Fact]
    public void SaveThenLoad_GivesTheSameLogits()
    {
        using var dir = new TempDirectory();
        using var model = TinyGptNeoX.Create(seed: 7);
        HfCheckpoint.Save(model, dir.Path);

        using var loaded = HfCheckpoint.Load(dir.Path);

        using var tokens = TinyGptNeoX.Tokens([1, 2, 3, 4]);
        Assert.True(model.forward(tokens).allclose(loaded.forward(tokens), rtol: 0, atol: 0));
    }

    [Fact]
    public void Load_Float16TensorsAndRecomputedBuffers_ConvertsAndIgnores()
    {
        using var dir = new TempDirectory();
        using var model = TinyGptNeoX.Create(seed: 7);
        HfCheckpoint.Save(model, dir.Path);
        var state = Read(dir);
        state["gpt_neox.embed_in.weight"] = state["gpt_neox.embed_in.weight"].to_type(ScalarType.Float16);
        state["gpt_neox.layers.0.attention.rotary_emb.inv_freq"] = ones(1);
        state["gpt_neox.layers.0.attention.bias"] = ones(1, 1, 16, 16, dtype: ScalarType.Bool);
        Write(dir, state);

        using var loaded = HfCheckpoint.Load(dir.Path);

        var embed = loaded.named_parameters().First(p => p.name == "gpt_neox.embed_in.weight").parameter;
        Assert.Equal(ScalarType.Float32, embed.dtype);
        Assert.True(embed.allclose(state["gpt_neox.embed_in.weight"].to_type(ScalarType.Float32)));
    }

    [Fact]
    public void Load_MissingExtraAndMisshapenTensors_NamesEach()
    {
        using var dir = new TempDirectory();
        using var model = TinyGptNeoX.Create();
        HfCheckpoint.Save(model, dir.Path);
        var state = Read(dir);
        state.Remove("embed_out.weight");
        state["gpt_neox.layers.0.mlp.dense_h_to_4h.bias"] = zeros(17);
        state["gpt_neox.layers.9.mlp.dense_h_to_4h.bias"] = zeros(16);
        Write(dir, state);

        var e = Assert.Throws<LanguageModelException>(() => HfCheckpoint.Load(dir.Path));

        Assert.Contains("model.safetensors", e.Message, StringComparison.Ordinal);
        Assert.Contains("missing tensor 'embed_out.weight' [11, 8]", e.Message, StringComparison.Ordinal);
        Assert.Contains("tensor 'gpt_neox.layers.0.mlp.dense_h_to_4h.bias' has shape [17], the config asks for [16]", e.Message, StringComparison.Ordinal);
        Assert.Contains("unexpected tensor 'gpt_neox.layers.9.mlp.dense_h_to_4h.bias'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotSafetensors_NamesTheFile()
    {
        using var dir = new TempDirectory();
        using var model = TinyGptNeoX.Create();
        HfCheckpoint.Save(model, dir.Path);
        File.WriteAllText(dir.File(HfCheckpoint.WeightsFileName), "not a safetensors file");

        var e = Assert.Throws<LanguageModelException>(() => HfCheckpoint.Load(dir.Path));

        Assert.Contains(HfCheckpoint.WeightsFileName, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HeaderLengthBeyondTheFile_NamesTheFileBeforeAllocating()
    {
        // afl's input (fuzz/README.md, target safetensors): the tiny checkpoint with its header length mutated to
        // 905971185; TorchSharp.PyBridge allocated that, and more, for a 2.4 kB file (OutOfMemoryException).
        using var dir = new TempDirectory();
        using var model = TinyGptNeoX.Create();
        HfCheckpoint.Save(model, dir.Path);
        string path = dir.File(HfCheckpoint.WeightsFileName);
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(905971185UL).CopyTo(bytes, 0);
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<LanguageModelException>(() => HfCheckpoint.Load(dir.Path));

        Assert.Equal($"{path}: it declares a 905971185-byte safetensors header, but the file has {bytes.Length} bytes and a header may have at most 100000000; it is truncated or not a safetensors file.", e.Message);
    }

    private static Dictionary<string, Tensor> Read(TempDirectory dir) => Safetensors.LoadStateDict(dir.File(HfCheckpoint.WeightsFileName));

    private static void Write(TempDirectory dir, Dictionary<string, Tensor> state) => Safetensors.SaveStateDict(dir.File(HfCheckpoint.WeightsFileName), state);
}
