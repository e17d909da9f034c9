using FedSec.Language;
using FedSec.Language.Lora;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

public sealed class LoraAdapterFileTests
{
    private static readonly LoraOptions Options = new() { Rank = 2, Alpha = 3, Targets = ["query_key_value", "dense"] };

    private static void Randomize(FedSec.Language.Models.GptNeoX model)
    {
        using var noGrad = no_grad();
        using var g = new Generator(9);
        foreach (var (_, p) in model.named_parameters().Where(p => p.name.Contains("lora_B", StringComparison.Ordinal)))
        {
            p.normal_(0, 0.5, g);
        }
    }

    [Fact]
    public void SaveThenLoad_OnTheSameBase_GivesTheAdaptedOutputs()
    {
        using var dir = new TempDirectory();
        using var adapted = TinyGptNeoX.Create(seed: 4);
        LoraAdapters.Attach(adapted, Options);
        Randomize(adapted);
        adapted.eval();
        LoraAdapterFile.Save(adapted, Options, dir.Path);

        using var loaded = TinyGptNeoX.Create(seed: 4);
        LoraAdapterFile.Load(loaded, dir.Path);
        loaded.eval();

        using var tokens = TinyGptNeoX.Tokens([1, 2, 3, 4]);
        Assert.True(loaded.forward(tokens).allclose(adapted.forward(tokens), rtol: 0, atol: 0));
        Assert.True(File.Exists(dir.File(LoraAdapterFile.ConfigFileName)));
    }

    [Fact]
    public void Load_RsLora_NamesTheKey()
    {
        using var dir = new TempDirectory();
        using var adapted = TinyGptNeoX.Create();
        LoraAdapters.Attach(adapted, Options);
        LoraAdapterFile.Save(adapted, Options, dir.Path);
        string config = dir.File(LoraAdapterFile.ConfigFileName);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"bias\":\"none\"", "\"bias\":\"none\",\"use_rslora\":true", StringComparison.Ordinal));

        using var model = TinyGptNeoX.Create();
        var e = Assert.Throws<LanguageModelException>(() => LoraAdapterFile.Load(model, dir.Path));

        Assert.Contains(LoraAdapterFile.ConfigFileName, e.Message, StringComparison.Ordinal);
        Assert.Contains("'use_rslora'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"alpha_pattern\":{\"gpt_neox.layers.0.attention.query_key_value\":32}", "'alpha_pattern'")]
    [InlineData("\"rank_pattern\":{\"gpt_neox.layers.0.attention.query_key_value\":8}", "'rank_pattern'")]
    public void Load_PerModulePattern_NamesTheKey(string setting, string named)
    {
        // PEFT's alpha_pattern gives some modules their own alpha: loaded with the one lora_alpha / r they would be scaled
        // wrongly and silently.
        using var dir = new TempDirectory();
        using var adapted = TinyGptNeoX.Create();
        LoraAdapters.Attach(adapted, Options);
        LoraAdapterFile.Save(adapted, Options, dir.Path);
        string config = dir.File(LoraAdapterFile.ConfigFileName);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"bias\":\"none\"", "\"bias\":\"none\"," + setting, StringComparison.Ordinal));

        using var model = TinyGptNeoX.Create();
        var e = Assert.Throws<LanguageModelException>(() => LoraAdapterFile.Load(model, dir.Path));

        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RankDisagreesWithTensors_NamesTheTensor()
    {
        using var dir = new TempDirectory();
        using var adapted = TinyGptNeoX.Create();
        LoraAdapters.Attach(adapted, Options);
        LoraAdapterFile.Save(adapted, Options, dir.Path);
        string config = dir.File(LoraAdapterFile.ConfigFileName);
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"r\":2", "\"r\":3", StringComparison.Ordinal));

        using var model = TinyGptNeoX.Create();
        var e = Assert.Throws<LanguageModelException>(() => LoraAdapterFile.Load(model, dir.Path));

        Assert.Contains(LoraAdapterFile.WeightsFileName, e.Message, StringComparison.Ordinal);
        Assert.Contains("'base_model.model.gpt_neox.layers.0.attention.query_key_value.lora_A.weight' has shape [2, 8], the adapter config asks for [3, 8]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_HeaderLengthBeyondTheFile_NamesTheFileBeforeReadingIt()
    {
        using var dir = new TempDirectory();
        using var adapted = TinyGptNeoX.Create();
        LoraAdapters.Attach(adapted, Options);
        LoraAdapterFile.Save(adapted, Options, dir.Path);
        string weights = dir.File(LoraAdapterFile.WeightsFileName);
        byte[] bytes = File.ReadAllBytes(weights);
        BitConverter.GetBytes(905971185UL).CopyTo(bytes, 0); // the hostile length fuzzing found in model.safetensors
        File.WriteAllBytes(weights, bytes);

        using var model = TinyGptNeoX.Create();
        var e = Assert.Throws<LanguageModelException>(() => LoraAdapterFile.Load(model, dir.Path));

        Assert.StartsWith($"{weights}: it declares a 905971185-byte safetensors header", e.Message, StringComparison.Ordinal);
    }
}
