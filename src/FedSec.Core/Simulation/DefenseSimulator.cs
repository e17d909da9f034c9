using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// What the round's defenses would make of a hypothetical set of updates, for attacks that search against the
/// configured defense (<see cref="RoundContext.DefendedAggregate"/>): the server's update stages (central DP's clipping
/// and equal weights), the before-aggregation defenses in order, then the aggregation rule, or FedAvg's weighted mean
/// without one. Stages after aggregation (noise on the aggregate, CRFL's clipping of the model) are not run. Nothing of
/// the real round changes: the stages run on a copy of the context with its own buffers and metrics (and no output
/// directory), and every stage or defense with cross-round state (<see cref="ICrossRoundState"/>) is restored to its
/// state from before the call. Their random streams are the round's (the same for every call), so a search compares
/// candidates under the same draws. Until 2026-12-05 the server's update stages were skipped: against central DP with
/// FedAvg the search saw unclipped, sample-weighted updates and took its largest scale, though every forged update
/// would be clipped to C.
/// </summary>
internal sealed class DefenseSimulator(PipelineStages stages)
{
    /// <summary>The aggregate (full model) the defenses would produce from <paramref name="updates"/> this round.</summary>
    public float[] Aggregate(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var copy = new RoundContext
        {
            Round = context.Round,
            TotalRounds = context.TotalRounds,
            Global = context.Global,
            Layout = context.Layout,
            SampledClients = context.SampledClients,
            MaliciousClients = context.MaliciousClients,
            Seeds = context.Seeds,
            TotalClients = context.TotalClients,
            ServerTrainer = context.ServerTrainer,
            ServerDataBytes = context.ServerDataBytes,
            Probe = context.Probe,
            ServerSamples = context.ServerSamples,
            ClientData = context.ClientData,
            UpdateBases = context.UpdateBases,
            Buffers = new RoundBuffers(),
        };
        var stateful = stages.ServerStages.Select(s => (object)s.Stage)
            .Concat(stages.Before.Select(b => (object)b.Defense))
            .Concat(stages.On is { } on ? new object[] { on.Defense } : Array.Empty<object>())
            .Distinct(ReferenceEqualityComparer.Instance).OfType<ICrossRoundState>().ToArray();
        var saved = stateful.Select(Save).ToArray();
        try
        {
            return Run(updates, copy);
        }
        finally
        {
            for (int i = 0; i < stateful.Length; i++)
            {
                using var reader = new BinaryReader(new MemoryStream(saved[i]));
                stateful[i].ReadState(reader);
            }
        }
    }

    private float[] Run(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        foreach (var (_, stage) in stages.ServerStages)
        {
            updates = stage.ProcessUpdates(updates, context);
        }

        foreach (var (_, defense) in stages.Before)
        {
            var outcome = defense.DefendBeforeAggregation(updates, context);
            if (outcome.Stopped is not null || outcome.Updates.Count == 0)
            {
                return context.Global.ToArray();
            }

            updates = outcome.Updates;
        }

        if (stages.On is { } on)
        {
            var outcome = on.Defense.DefendOnAggregation(updates, context);
            return outcome.Stopped is null ? outcome.Weights.ToArray() : context.Global.ToArray();
        }

        return WeightedMean.Of(updates);
    }

    private static byte[] Save(ICrossRoundState state)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream))
        {
            state.WriteState(writer);
        }

        return stream.ToArray();
    }
}
