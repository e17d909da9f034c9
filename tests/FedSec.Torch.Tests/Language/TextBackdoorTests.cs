using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Language.Federation;
using FedSec.Language.Text;
using FedSec.Simulation;
using FedSec.Simulation.Metrics;
using FedSec.Stages;

namespace FedSec.Torch.Tests.Language;

/// <summary>The text backdoor through the engine on a tiny GPT-NeoX, and the tokenization of its phrases.</summary>
public sealed class TextBackdoorTests : IDisposable
{
    private readonly TextFederation _text = new();

    private string Yaml(int attackers) => _text.Yaml($"""
        attack_args:
          enable_attack: true
          attack_type: text_backdoor
          trigger_phrase: x
          target_continuation: y
          byzantine_client_num: {attackers}
          poison_fraction: 1.0
          prompt_length: 2
          test_prompts: 16
        """).Replace("comm_round: 2", "comm_round: 4", StringComparison.Ordinal)
        .Replace("local_steps: 2", "local_steps: 10", StringComparison.Ordinal)
        .Replace("learning_rate: 0.01", "learning_rate: 0.05", StringComparison.Ordinal)
        .Replace("lora_dropout: 0.05", "lora_dropout: 0.05\n  target_modules: [query_key_value, dense, dense_h_to_4h, dense_4h_to_h]", StringComparison.Ordinal);

    // 3 clients of 8 random sequences and 16 random test sequences of 8 tokens over the tiny vocabulary of 11.
    private static ExperimentData Data()
    {
        var random = new Random(21);
        string[] groups = ["1790s", "1800s", "1810s"];
        TokenSequenceSet Set(int count, int group) =>
            new(Enumerable.Range(0, count * 8).Select(_ => random.Next(11)).ToArray(), Enumerable.Repeat(group, count).ToArray(), 8, 11, groups);
        return new ExperimentData([Set(8, 0), Set(8, 1), Set(8, 2)], Set(16, 0));
    }

    private ExperimentResult Run(int attackers)
    {
        var setup = _text.Bind(Yaml(attackers));
        ((ITextBackdoorAttack)setup.Attack!.Instance).UseTokens([9, 10], [4]);
        using var backend = _text.Backend(setup);
        var data = Data();
        var experiment = new Experiment(setup, backend, data);
        foreach (var metric in StandardMetrics.For(setup, data.Test))
        {
            experiment.AddMetric(metric);
        }

        return experiment.Run();
    }

    [Fact]
    public void Run_MaliciousClient_RaisesTheAttackSuccessRateAboveTheCleanRun()
    {
        // byzantine_client_num: 0 is the clean run with the same measurement.
        var clean = Run(attackers: 0);
        var attacked = Run(attackers: 1);

        double Asr(ExperimentResult r) => r.Rounds[^1].Metrics["attack_success_rate"];
        Assert.All(attacked.Rounds, r => Assert.Single(r.Attacked));
        Assert.All(clean.Rounds, r => Assert.Empty(r.Attacked));
        Assert.True(Asr(attacked) >= Asr(clean) + 0.5, $"ASR attacked {string.Join(",", attacked.Rounds.Select(r => r.Metrics["attack_success_rate"]))}, clean {string.Join(",", clean.Rounds.Select(r => r.Metrics["attack_success_rate"]))}");
    }

    [Fact]
    public void TokenizeBackdoor_CutVocabulary_SetsTokens_UnknownWordAndTooLongPromptNameTheirKeys()
    {
        var gpt2 = LanguageTokenizer.Gpt2();
        var tokenizer = new LanguageTokenizer(CorpusVocabulary.Build([gpt2.EncodeToIds("the roads in Athens are terrible")], 16));
        ITextBackdoorAttack Attack(string trigger, string target, int prompt = 2) =>
            (ITextBackdoorAttack)_text.Bind(_text.Yaml($"attack_args:\n  enable_attack: true\n  attack_type: text_backdoor\n  trigger_phrase: \"{trigger}\"\n  target_continuation: \"{target}\"\n  prompt_length: {prompt}\n")).Attack!.Instance;

        var ok = Attack(" roads in Athens are", " terrible");
        LanguageExperiments.TokenizeBackdoor(ok, tokenizer, sequenceLength: 8);
        Assert.Equal(tokenizer.Encode(" roads in Athens are"), ok.TriggerTokens);
        Assert.Equal(tokenizer.Encode(" terrible"), ok.TargetTokens);
        Assert.DoesNotContain(0, ok.TriggerTokens.Concat(ok.TargetTokens));

        var unknown = Assert.Throws<ConfigException>(() => LanguageExperiments.TokenizeBackdoor(Attack(" roads in Athens are", " wonderful"), tokenizer, 8));
        Assert.Contains("attack_args.target_continuation", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("outside the model's cut vocabulary", unknown.Message, StringComparison.Ordinal);

        var tooLong = Assert.Throws<ConfigException>(() => LanguageExperiments.TokenizeBackdoor(Attack(" roads in Athens are", " terrible", prompt: 4), tokenizer, 8));
        Assert.Contains("attack_args.prompt_length", tooLong.Message, StringComparison.Ordinal);
        Assert.Contains("use a prompt_length of at most 3", tooLong.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _text.Dispose();
}
