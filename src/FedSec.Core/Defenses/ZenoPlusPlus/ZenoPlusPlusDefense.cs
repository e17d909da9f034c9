using System.Numerics.Tensors;
using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.ZenoPlusPlus;

/// <summary>
/// Zeno++ (Xie, Koyejo and Gupta, "Zeno++: Robust fully asynchronous SGD", ICML 2020) on FedSec's asynchronous steps.
/// The server holds a small validation set (the engine's root set). Every k = <see cref="ZenoPlusPlusOptions.RefreshSteps"/>
/// steps it trains the current global model G on it with the clients' settings and keeps v = (G − w_s)/η over the
/// trainable parameters (η = <c>learning_rate</c>): the validation gradient when that training is one full-batch step,
/// which the example's batch size makes it. A client's update wᵢ − bᵢ (bᵢ the model it trained from,
/// <see cref="RoundContext.UpdateBase"/>) is the candidate gradient g = (bᵢ − wᵢ)/η; with normalisation g becomes
/// g·‖v‖/‖g‖. It is accepted when γ⟨v, g⟩ − ρ‖g‖² ≥ −γε (γ = η) and then applied as bᵢ − η·g, i.e. its update rescaled to
/// the norm of the server's (verdict <see cref="VerdictKind.Modified"/>, or <see cref="VerdictKind.Kept"/> without
/// normalisation); otherwise removed. When every candidate of a step is removed the global model passes on alone
/// (client −1), so the step leaves the model unchanged, as Zeno++'s server drops a rejected gradient. Buffers pass as
/// sent. The score of each verdict is the Zeno++ score. v and the step it was computed at are cross-round state: a run
/// resumed from a checkpoint scores the next steps against the same v and refreshes it at the same steps.
/// </summary>
internal sealed class ZenoPlusPlusDefense : IBeforeAggregationDefense, INeedsServerData, ICrossRoundState, IReportsStateBytes
{
    private float[]? _v;
    private int _refreshedAt;

    public ZenoPlusPlusDefense(ZenoPlusPlusOptions options) => Options = options;

    /// <summary>The options.</summary>
    public ZenoPlusPlusOptions Options { get; }

    public int RootSetSize => Options.RootSetSize;

    /// <summary>The step at which v was last computed (−1 before the first).</summary>
    internal int RefreshedAt => _v is null ? -1 : _refreshedAt;

    public long StateBytes => (_v?.Length ?? 0) * (long)sizeof(float);

    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var layout = context.Layout;
        if (_v is null || context.Round - _refreshedAt >= Options.RefreshSteps || context.Round < _refreshedAt)
        {
            var trainer = context.ServerTrainer ?? throw new InvalidOperationException(
                $"Zeno++ needs the server's validation gradient on its own data, but step {context.Round} has no RoundContext.ServerTrainer: the engine must hold out a root set (root_set_size = {Options.RootSetSize} samples) and provide a trainer for it.");
            // The validation gradient: the clients' epochs over the server's set, as Zeno++ has always run here.
            var training = trainer(ServerTrainingLength.Epochs);
            if (training.Diverged)
            {
                return DefenseOutcome.StoppedBy(training, updates);
            }

            var v = layout.GatherTrainable(context.Global.Span);
            TensorPrimitives.Subtract(v, layout.GatherTrainable(training.Weights), v);
            TensorPrimitives.Multiply(v, (float)(1 / Options.LearningRate), v);
            _v = v;
            _refreshedAt = context.Round;
        }

        double eta = Options.LearningRate;
        double vNorm = VectorNorms.L2(_v);
        var kept = new List<ClientUpdate>(updates.Count);
        var verdicts = new ClientVerdict[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            var update = updates[i];
            var gBase = layout.GatherTrainable(context.UpdateBase(update.ClientId).Span);
            var g = layout.GatherTrainable(update.Weights);
            TensorPrimitives.Subtract(gBase, g, g);
            TensorPrimitives.Multiply(g, (float)(1 / eta), g);
            double gNorm = VectorNorms.L2(g);
            if (Options.Normalize && gNorm > 0)
            {
                TensorPrimitives.Multiply(g, (float)(vNorm / gNorm), g);
            }

            double score = Score(_v, g, eta, Options.Rho);
            bool accepted = score >= -eta * Options.Epsilon;
            verdicts[i] = new ClientVerdict(update.ClientId, !accepted ? VerdictKind.Removed : Options.Normalize ? VerdictKind.Modified : VerdictKind.Kept, accepted ? 1 : 0, score);
            if (!accepted)
            {
                continue;
            }

            if (!Options.Normalize)
            {
                kept.Add(update);
                continue;
            }

            // Applied as bᵢ − η·g on the trainable parameters; buffers as sent.
            TensorPrimitives.Multiply(g, (float)(-eta), g);
            TensorPrimitives.Add(gBase, g, g);
            var weights = (float[])update.Weights.Clone();
            layout.ScatterTrainable(g, weights);
            kept.Add(update with { Weights = weights });
        }

        if (kept.Count == 0)
        {
            kept.Add(new ClientUpdate(-1, 0, context.Global.ToArray()) { AggregationWeight = 1 });
        }

        return new DefenseOutcome(kept, verdicts);
    }

    /// <summary>Zeno++'s score γ⟨v, g⟩ − ρ‖g‖² with γ = <paramref name="gamma"/>.</summary>
    internal static double Score(ReadOnlySpan<float> v, ReadOnlySpan<float> g, double gamma, double rho)
    {
        double dot = 0;
        double square = 0;
        for (int j = 0; j < g.Length; j++)
        {
            dot += (double)v[j] * g[j];
            square += (double)g[j] * g[j];
        }

        return (gamma * dot) - (rho * square);
    }

    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_refreshedAt);
        StateVectors.Write(writer, _v);
    }

    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _refreshedAt = reader.ReadInt32();
        _v = StateVectors.Read(reader);
    }
}
