using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.ServerOptimizers;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// The server's side of one round, in FedMLSecurity's order: observe for data reconstruction, model poisoning,
/// before-aggregation defenses in order, the aggregation (an on-aggregation defense or FedAvg), the server optimizer,
/// after-aggregation defenses. Every update is checked before the first defense sees it. At the end the vectors the
/// stages rented from <see cref="RoundContext.Buffers"/> are recycled for the next round.
/// </summary>
internal sealed class ServerRound
{
    private readonly PipelineStages _stages;
    private readonly IServerOptimizer _optimizer;
    private readonly AlternatingModels _aggregates = new();
    private readonly ExactWeightedSum? _exact;

    /// <param name="stages">The pipeline's stages.</param>
    /// <param name="optimizer">The server optimizer.</param>
    /// <param name="exact">With <c>train_args.exact_sum</c>: the sum FedAvg's mean is taken with (reused every round); null: <see cref="WeightedMean"/>.</param>
    public ServerRound(PipelineStages stages, IServerOptimizer optimizer, ExactWeightedSum? exact = null)
    {
        _stages = stages;
        _optimizer = optimizer;
        _exact = exact;
    }

    /// <summary>What the server's side of a round produced.</summary>
    /// <param name="Global">The new global model, or, when the round stopped because the server's own training
    /// diverged (<see cref="Diverged"/>), the non-finite model that training produced.</param>
    /// <param name="Defenses">What each defense did, up to where the round stopped.</param>
    /// <param name="Reconstructions">What the data-reconstruction attack recovered.</param>
    public sealed record Result(
        float[] Global,
        IReadOnlyList<DefenseRoundReport> Defenses,
        IReadOnlyList<ReconstructionReport> Reconstructions)
    {
        /// <summary>Set when a defense stopped the round because the server's own training diverged.</summary>
        public Divergence? Diverged { get; init; }

        /// <summary>Set when the aggregation protocol failed the round; <see cref="Global"/> is then the model the round started from.</summary>
        public string? Failure { get; init; }

        /// <summary>The memory of each defense that ran, in pipeline order.</summary>
        public IReadOnlyList<DefenseMemory> Memory { get; init; } = Array.Empty<DefenseMemory>();
    }

    /// <summary>Runs the round on the clients' updates (in sampling order).</summary>
    /// <param name="updates">The updates, in sampling order.</param>
    /// <param name="context">The round's context.</param>
    /// <param name="attackActive">Whether the attack acts this round.</param>
    /// <param name="attackedAtClients">
    /// True when the malicious clients already ran the model-poisoning attack themselves (an
    /// <see cref="IOwnUpdateAttack"/> in a distributed run's client processes): the updates are forged already.
    /// </param>
    public Result Run(IReadOnlyList<ClientUpdate> updates, RoundContext context, bool attackActive, bool attackedAtClients = false)
    {
        var layout = context.Layout;
        foreach (var u in updates)
        {
            UpdateValidator.Check(u, layout, "local training");
        }

        context.Arrived = updates.Count;
        var reconstructions = _stages.Reconstruction?.ReconstructData(updates, context) ?? Array.Empty<ReconstructionReport>();

        if (attackActive && !attackedAtClients && _stages.ModelPoisoning is { } attack && context.MaliciousClients.Count > 0)
        {
            var simulator = new DefenseSimulator(_stages);
            context.DefendedAggregate = candidate => simulator.Aggregate(candidate, context);
            var attacked = attack.AttackModel(updates, context);
            context.DefendedAggregate = null;
            if (attacked.Count != updates.Count)
            {
                throw new InvalidUpdateException($"The model-poisoning attack returned {attacked.Count} updates for {updates.Count}; it must return one per client, in order.");
            }

            foreach (var u in attacked)
            {
                UpdateValidator.Check(u, layout, "the model-poisoning attack");
            }

            updates = attacked;
        }

        foreach (var (section, stage) in _stages.ServerStages)
        {
            var processed = stage.ProcessUpdates(updates, context);
            if (processed.Count != updates.Count)
            {
                throw new InvalidUpdateException($"{section} returned {processed.Count} updates for {updates.Count}; it must return one per client, in order.");
            }

            foreach (var u in processed)
            {
                UpdateValidator.Check(u, layout, section);
            }

            updates = processed;
        }

        var reports = new List<DefenseRoundReport>();
        var memory = new List<DefenseMemory>();
        foreach (var (name, defense) in _stages.Before)
        {
            var meter = MemoryMeter.Start(context);
            var outcome = defense.DefendBeforeAggregation(updates, context);
            memory.Add(meter.Stop(name, defense, context));
            if (outcome.Stopped is { } stopped)
            {
                return Stop(stopped, reports, reconstructions, context) with { Memory = memory };
            }

            reports.Add(new DefenseRoundReport(name, DefenseStage.Before, outcome.Verdicts, Detect(outcome.Verdicts, context.MaliciousClients)));
            updates = outcome.Updates;
            if (updates.Count == 0)
            {
                throw new InvalidUpdateException($"The defense '{name}' removed every update of round {context.Round}; nothing is left to aggregate.");
            }

            foreach (var u in updates)
            {
                UpdateValidator.Check(u, layout, $"the defense '{name}'");
            }
        }

        float[] aggregate;
        if (_stages.Protocol is { } protocol)
        {
            var outcome = protocol.Protocol.Aggregate(updates, context);
            if (outcome.Failure is { } failure)
            {
                // The round keeps the model it started from; the vectors rented for it are done with.
                context.Buffers.Recycle();
                return new Result(context.Global.ToArray(), reports, reconstructions) { Failure = $"{protocol.Section}: {failure}", Memory = memory };
            }

            layout.CheckLength(outcome.Weights.Length);
            aggregate = outcome.Weights;
            if (outcome.Contributors is int contributors)
            {
                context.Arrived -= updates.Count - contributors;
            }
        }
        else if (_stages.On is { } on)
        {
            var meter = MemoryMeter.Start(context);
            var outcome = on.Defense.DefendOnAggregation(updates, context);
            memory.Add(meter.Stop(on.Name, on.Defense, context));
            if (outcome.Stopped is { } stopped)
            {
                return Stop(stopped, reports, reconstructions, context) with { Memory = memory };
            }

            layout.CheckLength(outcome.Weights.Length);
            reports.Add(new DefenseRoundReport(on.Name, DefenseStage.On, outcome.Verdicts, Detect(outcome.Verdicts, context.MaliciousClients)));
            aggregate = outcome.Weights;
        }
        else if (_exact is { } exact)
        {
            exact.Clear();
            foreach (var u in updates)
            {
                AddExactly(exact, u);
            }

            aggregate = _aggregates.Next(layout.Length);
            exact.MeanInto(aggregate);
        }
        else
        {
            aggregate = WeightedMean.Into(updates, _aggregates.Next(layout.Length));
        }

        return Finish(aggregate, reports, reconstructions, memory, context);
    }

    /// <summary>
    /// Completes a round whose updates were aggregated as they arrived (<see cref="StreamedRound"/>): the per-update
    /// defenses' reports in sampling order, FedAvg's exact mean, then the rest of the round as <see cref="Run"/> does.
    /// </summary>
    /// <param name="stream">The round's sum, holding every update of <paramref name="order"/>.</param>
    /// <param name="order">The clients whose updates the round aggregates, in sampling order.</param>
    /// <param name="context">The round's context.</param>
    public Result RunStreamed(StreamedRound stream, IReadOnlyList<int> order, RoundContext context)
    {
        var reports = stream.Reports(order)
            .Select(r => new DefenseRoundReport(r.Name, DefenseStage.Before, r.Verdicts, Detect(r.Verdicts, context.MaliciousClients)))
            .ToList();
        context.Arrived = order.Count;
        var aggregate = _aggregates.Next(context.Layout.Length);
        stream.Sum.MeanInto(aggregate);
        return Finish(aggregate, reports, Array.Empty<ReconstructionReport>(), stream.Memory(), context);
    }

    /// <summary>Adds an update to the exact sum; a value outside its range is the client's invalid update.</summary>
    internal static void AddExactly(ExactWeightedSum sum, ClientUpdate update)
    {
        try
        {
            sum.Add(update.Weights, update.AggregationWeight, update.ClientId);
        }
        catch (ExactSumRangeException e)
        {
            throw new InvalidUpdateException($"{e.Message} (train_args.exact_sum)");
        }
    }

    // The aggregate's stages, the server optimizer and the after-aggregation defenses.
    private Result Finish(float[] aggregate, List<DefenseRoundReport> reports, IReadOnlyList<ReconstructionReport> reconstructions, List<DefenseMemory> memory, RoundContext context)
    {
        var layout = context.Layout;
        foreach (var (section, stage) in _stages.AggregateStages)
        {
            bool wasFinite = NonFinite.FirstIndex(aggregate) < 0;
            stage.ProcessAggregate(aggregate, context);
            if (wasFinite && NonFinite.FirstIndex(aggregate) is int bad and >= 0)
            {
                throw new InvalidUpdateException($"{section} made the aggregate of round {context.Round} non-finite: {NonFinite.Describe(aggregate, bad, layout)}.");
            }
        }

        var global = _optimizer.Step(context.Global.Span, aggregate, layout);
        // Scanned once before the after-aggregation defenses and once after each (a model that stays finite stays
        // checked); a non-finite aggregate is left to the caller, which records the divergence.
        bool finite = _stages.After.Count > 0 && NonFinite.FirstIndex(global) < 0;
        foreach (var (name, defense) in _stages.After)
        {
            var meter = MemoryMeter.Start(context);
            global = defense.DefendAfterAggregation(global, context);
            memory.Add(meter.Stop(name, defense, context));
            layout.CheckLength(global.Length);
            if (finite && NonFinite.FirstIndex(global) is int bad and >= 0)
            {
                // A finite model made non-finite by clipping or noise is a fault of the defense, not a divergence.
                throw new InvalidUpdateException($"The after-aggregation defense '{name}' returned {NonFinite.Describe(global, bad, layout)} in round {context.Round} from a finite global model.");
            }

            reports.Add(new DefenseRoundReport(name, DefenseStage.After, Array.Empty<ClientVerdict>(), DetectionCounts.Zero));
        }

        // The round's updates are done with: the vectors stages rented for them serve the next round. The global
        // model outlives the round, so it must not be one of them.
        if (context.Buffers.IsRented(global))
        {
            global = (float[])global.Clone();
        }

        context.Buffers.Recycle();
        return new Result(global, reports, reconstructions) { Memory = memory };
    }

    // The server's honest training on its root set turned the model non-finite: a divergence at the local training
    // stage (no client's), not a fault of the defense that asked for it.
    private static Result Stop(ServerTraining training, List<DefenseRoundReport> reports, IReadOnlyList<ReconstructionReport> reconstructions, RoundContext context)
    {
        context.Buffers.Recycle();
        var reason = $"the server's training on its root set produced {training.DivergedReason}";
        return new Result(training.Weights, reports, reconstructions) { Diverged = new Divergence(context.Round, DivergenceStage.LocalTraining, null, reason) };
    }

    private static DetectionCounts Detect(IReadOnlyList<ClientVerdict> verdicts, IReadOnlySet<int> malicious)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var v in verdicts)
        {
            if (v.ClientId < 0)
            {
                // A synthetic update (a bucket mean) made by an earlier defense: no client to judge.
                continue;
            }

            bool bad = malicious.Contains(v.ClientId);
            if (v.Flagged)
            {
                if (bad)
                {
                    tp++;
                }
                else
                {
                    fp++;
                }
            }
            else if (bad)
            {
                fn++;
            }
            else
            {
                tn++;
            }
        }

        return new DetectionCounts(tp, fp, fn, tn);
    }
}
