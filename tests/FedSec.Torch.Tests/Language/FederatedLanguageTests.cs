using FedSec.Configuration;
using FedSec.Language.Federation;
using FedSec.Simulation;

namespace FedSec.Torch.Tests.Language;

/// <summary>Federated LoRA fine-tuning of a tiny GPT-NeoX through the engine (ExperimentFactory.Bind, Experiment.Run).</summary>
public sealed class FederatedLanguageTests : IDisposable
{
    private readonly TextFederation _text = new();

    [Fact]
    public void Run_Lora_ExchangesExactlyTheAdapterParameters()
    {
        var setup = _text.Bind(_text.Yaml());
        using var backend = _text.Backend(setup);

        var adapters = backend.Model.named_parameters().Where(p => p.name.Contains(".lora_", StringComparison.Ordinal)).ToArray();
        var result = new Experiment(setup, backend, TextFederation.Data()).Run();

        // 2 layers × (A: 2 × 8 + B: 24 × 2) on query_key_value.
        Assert.Equal(2 * ((2 * 8) + (24 * 2)), backend.Layout.Length);
        Assert.Equal(adapters.Sum(p => p.parameter.numel()), backend.Layout.Length);
        Assert.All(backend.Layout.Entries, e => Assert.Contains(".lora_", e.Name, StringComparison.Ordinal));
        Assert.Equal(backend.Layout.Length, result.FinalGlobal.Length);
        Assert.Equal(2, result.Rounds.Count);
        Assert.All(result.Rounds, r =>
        {
            Assert.True(double.IsFinite(r.Loss!.Value));
            Assert.Equal(Math.Exp(r.Loss!.Value), r.Perplexity!.Value, 9);
        });
    }

    [Fact]
    public void Run_Lora_LeavesTheFrozenBaseUnchanged()
    {
        var setup = _text.Bind(_text.Yaml());
        using var backend = _text.Backend(setup);
        var before = Base(backend);

        var result = new Experiment(setup, backend, TextFederation.Data()).Run();

        Assert.NotEqual(backend.InitialWeights(0), result.FinalGlobal);
        var after = Base(backend);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        Assert.All(before, kv => Assert.Equal(kv.Value, after[kv.Key]));
    }

    [Fact]
    public void Run_SameSeed_IdenticalRounds()
    {
        var setup = _text.Bind(_text.Yaml());

        var a = _text.Run(setup).Rounds.Select(r => r.WithoutTimings()).ToArray();
        var b = _text.Run(setup).Rounds.Select(r => r.WithoutTimings()).ToArray();

        Assert.Equal(a.Select(r => (r.Loss, r.Perplexity, r.Accuracy, r.TrainLoss)), b.Select(r => (r.Loss, r.Perplexity, r.Accuracy, r.TrainLoss)));
    }

    [Fact]
    public void Run_ByzantineRandomWithMultiKrum_RunsOnAdapterVectors()
    {
        // m-Krum with m = 2 and f = 1 needs 2f + 2 <= n - m: 6 clients.
        var setup = _text.Bind(_text.Yaml("""
            attack_args:
              enable_attack: true
              attack_type: byzantine
              attack_mode: random
              byzantine_client_num: 1
            defense_args:
              enable_defense: true
              defense_type: krum
              krum_param_m: 2
            """, clients: 6));

        var result = _text.Run(setup);

        Assert.Equal(2, result.Rounds.Count);
        Assert.All(result.Rounds, r =>
        {
            Assert.Single(r.Attacked);
            var krum = Assert.Single(r.Defenses);
            Assert.Equal("krum", krum.Name);
            Assert.True(double.IsFinite(r.Loss!.Value));
        });
    }

    [Fact]
    public void Bind_LabelFlippingOnText_IsAnErrorNamingTheKey()
    {
        var e = Assert.Throws<ConfigException>(() => _text.Bind(_text.Yaml("""
            attack_args:
              enable_attack: true
              attack_type: label_flipping
              original_class_list: [3]
              target_class_list: [9]
              ratio_of_poisoned_client: 0.34
            """)));

        Assert.Contains("attack_args.attack_type", e.Message, StringComparison.Ordinal);
        Assert.Contains("label_flipping poisons image labels", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lora_rank: 4", "lora_args.lora_rank")]
    [InlineData("lora_dropout: 1.5", "lora_args.lora_dropout")]
    [InlineData("target_modules: [attention]", "lora_args.target_modules")]
    public void Bind_BadLoraArgs_IsAnErrorNamingTheKey(string line, string key)
    {
        string yaml = _text.Yaml().Replace("lora_dropout: 0.05", line, StringComparison.Ordinal);

        var e = Assert.Throws<ConfigException>(() => _text.Bind(yaml));

        Assert.Contains(key, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_LanguageModelOnImages_IsAnErrorNamingTheDataset()
    {
        var e = Assert.Throws<ConfigException>(() => _text.Bind(_text.Yaml().Replace("dataset: sotu", "dataset: mnist", StringComparison.Ordinal)));

        Assert.Contains("data_args.dataset", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _text.Dispose();

    private static Dictionary<string, float[]> Base(LanguageModelBackend backend) =>
        backend.Model.named_parameters()
            .Where(p => !p.name.Contains(".lora_", StringComparison.Ordinal))
            .ToDictionary(p => p.name, p => p.parameter.detach().cpu().data<float>().ToArray());
}
