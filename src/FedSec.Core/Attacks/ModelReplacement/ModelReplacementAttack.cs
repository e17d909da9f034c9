using FedSec.Aggregation;
using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Common;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.ModelReplacement;

/// <summary>
/// Model replacement (Bagdasaryan, Veit, Hua, Estrin and Shmatikov, "How to backdoor federated learning",
/// AISTATS 2020). In its rounds the attacker first really trains on backdoored data (the BadNets trigger of
/// <see cref="BackdoorOptions"/>), reaching X; the server then sees γ(X − G) + G instead, with γ = n/η so that FedAvg's
/// G + (η/n)·Σ(Lᵢ − G) lands on X when the benign updates roughly cancel. With several attackers in a round the default
/// γ is divided among them (each pulls 1/m of the way); with <c>scale_factor_S</c>, γ = S/‖X − G‖ keeps the update
/// at norm S to slip under a clipping bound. Scaling acts on the trainable parameters; buffers are X's own. FedML only
/// scaled an honest update (no backdoor training) and crashed on its round check.
/// </summary>
internal sealed class ModelReplacementAttack : IDataPoisoningAttack, IModelPoisoningAttack, IControlsClients, IBackdoorAttack, IChoosesAttackRounds
{
    private readonly ModelReplacementOptions _options;
    private readonly BackdoorTrigger _trigger;
    private readonly HashSet<int> _rounds;

    public ModelReplacementAttack(ModelReplacementOptions options)
    {
        _options = options;
        _trigger = options.Backdoor.Trigger();
        _rounds = new HashSet<int>(options.Rounds);
    }

    public MaliciousClientSpec MaliciousClients =>
        _options.MaliciousIds.Count > 0 ? new(_options.MaliciousIds.Count, _options.MaliciousIds) : new(_options.ClientNum);

    public int TargetLabel => _options.Backdoor.TargetLabel;

    /// <summary>Whether the attacker acts in <paramref name="round"/> (<c>attack_training_rounds</c>, or every round).</summary>
    public bool AttacksIn(int round) => _rounds.Count == 0 || _rounds.Contains(round);

    /// <summary>γ for an update of norm <paramref name="norm"/> in a round of <paramref name="n"/> clients, <paramref name="attackers"/> of them attacking.</summary>
    public double Gamma(double norm, int n, int attackers)
    {
        if (_options.NormBound is { } s)
        {
            return norm > 0 ? s / norm : 1.0;
        }

        return _options.ScaleFactor ?? (double)n / Math.Max(attackers, 1);
    }

    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        if (!AttacksIn(context.Round))
        {
            return data;
        }

        BackdoorChecks.Ensure(_trigger, TargetLabel, data);
        BackdoorPoisoner.Poison(data, _trigger, _options.Backdoor.PoisonFraction, TargetLabel, context.Random("model-replacement"));
        return data;
    }

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        if (!AttacksIn(context.Round))
        {
            return updates;
        }

        var view = new RoundView(updates, context);
        return view.ReplaceMalicious(i =>
        {
            var delta = view.Delta(i);
            double gamma = Gamma(VectorNorms.L2(delta), view.Count, view.Malicious.Count);
            var scaled = new float[delta.Length];
            for (int j = 0; j < scaled.Length; j++)
            {
                scaled[j] = (float)(gamma * delta[j]);
            }

            return view.WithDelta(i, scaled);
        });
    }

    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        BackdoorChecks.Ensure(_trigger, TargetLabel, cleanTest);
        return BackdoorPoisoner.TriggeredTestSet(cleanTest, _trigger, TargetLabel);
    }
}
