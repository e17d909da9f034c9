using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.AflGuard;

/// <summary>
/// AFLGuard (Fang, Liu, Gong and Bentley, "AFLGuard: Byzantine-robust asynchronous federated learning", ACSAC 2022).
/// The server trains the current global model G on its small trusted data set (the engine's root set, as FLTrust's) to
/// get its own update g_s, and accepts client i's update gᵢ = wᵢ − bᵢ (bᵢ the model it trained from: a stale one under
/// FedAsync, see <see cref="RoundContext.UpdateBase"/>) only when ‖gᵢ − g_s‖ ≤ λ‖g_s‖ over the trainable parameters;
/// the others are removed. When every update of a step is rejected, the global model passes on as the one update
/// (client −1), so the server step leaves it unchanged, as the paper's server does with a rejected update.
/// </summary>
internal sealed class AflGuardDefense : IBeforeAggregationDefense, INeedsServerData
{
    public AflGuardDefense(AflGuardOptions options) => Options = options;

    /// <summary>The options, including the trusted set size the engine provides.</summary>
    public AflGuardOptions Options { get; }

    public int RootSetSize => Options.RootSetSize;

    public DefenseOutcome DefendBeforeAggregation(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var trainer = context.ServerTrainer ?? throw new InvalidOperationException(
            $"AFLGuard needs the server's own update on its trusted data set, but round {context.Round} has no RoundContext.ServerTrainer: the engine must hold out a root set (root_set_size = {Options.RootSetSize} samples) and provide a trainer for it.");
        var training = trainer(Options.ServerTraining);
        if (training.Diverged)
        {
            return DefenseOutcome.StoppedBy(training, updates);
        }

        var layout = context.Layout;
        var global = layout.GatherTrainable(context.Global.Span);
        var server = layout.GatherTrainable(training.Weights);
        System.Numerics.Tensors.TensorPrimitives.Subtract(server, global, server);
        double bound = Options.Lambda * VectorNorms.L2(server);

        var kept = new List<ClientUpdate>(updates.Count);
        var verdicts = new ClientVerdict[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            var g = layout.GatherTrainable(updates[i].Weights);
            System.Numerics.Tensors.TensorPrimitives.Subtract(g, layout.GatherTrainable(context.UpdateBase(updates[i].ClientId).Span), g);
            double distance = VectorNorms.Distance(g, server);
            bool accepted = distance <= bound;
            verdicts[i] = new ClientVerdict(updates[i].ClientId, accepted ? VerdictKind.Kept : VerdictKind.Removed, accepted ? 1 : 0, distance);
            if (accepted)
            {
                kept.Add(updates[i]);
            }
        }

        if (kept.Count == 0)
        {
            kept.Add(new ClientUpdate(-1, 0, context.Global.ToArray()) { AggregationWeight = 1 });
        }

        return new DefenseOutcome(kept, verdicts);
    }
}
