using FedSec.Attacks.TextBackdoor;
using FedSec.Data.Text;
using FedSec.Stages;

namespace FedSec.Simulation.Metrics;

/// <summary>
/// The text backdoor's attack success rate (<c>attack_success_rate</c>): the share of triggered test prompts
/// (<see cref="TextBackdoorPoisoner.Prompts"/>) whose greedy continuation of len(target tokens) tokens equals the target's
/// tokens. The prompts are built on first use, after the attack's phrases were tokenized.
/// </summary>
internal sealed class TextAttackSuccessRateMetric : IRoundMetric
{
    private readonly ITextBackdoorAttack _attack;
    private readonly TokenSequenceSet _test;
    private int[][]? _prompts;

    public TextAttackSuccessRateMetric(ITextBackdoorAttack attack, TokenSequenceSet test)
    {
        _attack = attack;
        _test = test;
    }

    public void Compute(float[] global, Evaluation evaluation, IModelBackend backend, IDictionary<string, double> metrics)
    {
        var decoder = backend as IGreedyDecoder ?? throw new InvalidOperationException($"The text backdoor's attack success rate needs a backend that decodes greedily; {backend.GetType().Name} does not.");
        _prompts ??= TextBackdoorPoisoner.Prompts(_test, _attack.TriggerTokens, _attack.PromptLength, _attack.TestPrompts);
        if (_prompts.Length == 0)
        {
            metrics["attack_success_rate"] = double.NaN;
            return;
        }

        var target = _attack.TargetTokens;
        var continuations = decoder.GreedyContinuations(global, _prompts, target.Count);
        metrics["attack_success_rate"] = continuations.Count(c => c.SequenceEqual(target)) / (double)_prompts.Length;
    }
}
