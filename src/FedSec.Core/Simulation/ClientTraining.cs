using FedSec.Parameters;

namespace FedSec.Simulation;

/// <summary>What the clients of one round produced, up to the first honest one whose local training diverged.</summary>
/// <param name="Updates">The trained clients' updates, in sampling order.</param>
/// <param name="LossSum">The sum of their mean training losses.</param>
/// <param name="Diverged">The divergence that stopped the round, or null.</param>
/// <param name="DivergedWeights">The non-finite local model that diverged, or null.</param>
public sealed record ClientTraining(IReadOnlyList<ClientUpdate> Updates, double LossSum, Divergence? Diverged, float[]? DivergedWeights)
{
    /// <summary>The local steps each client reported (<see cref="ClientResult.Steps"/>), by identity; a client that did not say is absent.</summary>
    public IReadOnlyDictionary<int, int> LocalSteps { get; init; } = new Dictionary<int, int>();

    /// <summary>How many of <see cref="Updates"/> come from clients without data (sample count 0), whose loss is not in <see cref="LossSum"/>.</summary>
    public int DatalessCount { get; init; }

    /// <summary>
    /// The malicious clients whose own local training diverged, left out of the round with why (empty when none): the
    /// attacker's non-finite update is its failure, which a server drops as it drops any non-finite update, not a
    /// divergence of the federation.
    /// </summary>
    public IReadOnlyList<DroppedClient> Discarded { get; init; } = [];

    /// <summary>The round's train loss: the mean of the clients' mean losses over those that trained on data; NaN when none did.</summary>
    public double TrainLoss => Updates.Count - DatalessCount == 0 ? double.NaN : LossSum / (Updates.Count - DatalessCount);

    /// <summary>
    /// Assembles the round's results in sampling order, whatever order they were made or arrived in: the same updates
    /// and the same loss sum (added in that order) as when every client trains in one process. Clients with no result
    /// (left out of the round) are skipped; the round stops at the first honest client, in sampling order, whose local
    /// training diverged (<see cref="ClientResult.DivergedReason"/>), and the clients after it are not used. A malicious
    /// client whose training diverged is left out (<see cref="Discarded"/>) and the round goes on, unless no update
    /// would be left: then it stops at the first of them, as before there was this rule.
    /// </summary>
    /// <param name="round">The round.</param>
    /// <param name="sampled">The round's clients in sampling order.</param>
    /// <param name="results">The results that arrived, by client identity.</param>
    /// <param name="malicious">The round's malicious clients (none when null).</param>
    public static ClientTraining Assemble(int round, IReadOnlyList<int> sampled, IReadOnlyDictionary<int, ClientResult> results, IReadOnlySet<int>? malicious = null) =>
        Assemble(round, sampled, results, id => malicious is not null && malicious.Contains(id) ? MaliciousNote : null);

    /// <summary>
    /// Assembles <paramref name="plan"/>'s round as <see cref="Assemble(int, IReadOnlyList{int}, IReadOnlyDictionary{int, ClientResult}, IReadOnlySet{int}?)"/>
    /// does for its malicious clients; with <see cref="RoundPlan.DropEveryDivergence"/>, an honest client whose training
    /// diverged is left out too.
    /// </summary>
    /// <param name="plan">The round's plan.</param>
    /// <param name="results">The results that arrived, by client identity.</param>
    public static ClientTraining Assemble(RoundPlan plan, IReadOnlyDictionary<int, ClientResult> results)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Assemble(plan.Round, plan.Sampled, results, id => plan.DivergenceEndsRound(id) ? null : plan.Malicious.Contains(id) ? MaliciousNote : DroppedNote);
    }

    private const string MaliciousNote = "a malicious client: its non-finite update is left out and the round goes on";

    private const string DroppedNote = "left out: this server drops every client whose training diverged and goes on";

    // leftOut(id): how a diverged client's drop is explained, or null when its divergence stops the round.
    private static ClientTraining Assemble(int round, IReadOnlyList<int> sampled, IReadOnlyDictionary<int, ClientResult> results, Func<int, string?> leftOut)
    {
        ArgumentNullException.ThrowIfNull(sampled);
        ArgumentNullException.ThrowIfNull(results);
        var updates = new List<ClientUpdate>(sampled.Count);
        var steps = new Dictionary<int, int>();
        double lossSum = 0;
        int dataless = 0;
        var discarded = new List<DroppedClient>();
        ClientResult? firstDiscarded = null;
        foreach (int id in sampled)
        {
            if (!results.TryGetValue(id, out var result))
            {
                continue;
            }

            if (result.DivergedReason is { } own && leftOut(id) is { } note)
            {
                firstDiscarded ??= result;
                discarded.Add(new DroppedClient(id, $"{own} ({note})"));
                continue;
            }

            if (result.SampleCount > 0)
            {
                lossSum += result.MeanLoss;
            }
            else
            {
                dataless++;
            }

            updates.Add(new ClientUpdate(id, result.SampleCount, result.Weights));
            if (result.Steps is int taken)
            {
                steps[id] = taken;
            }

            if (result.DivergedReason is { } reason)
            {
                return new ClientTraining(updates, lossSum, new Divergence(round, DivergenceStage.LocalTraining, id, reason), result.Weights) { LocalSteps = steps, DatalessCount = dataless, Discarded = discarded };
            }
        }

        if (updates.Count == 0 && firstDiscarded is { } only)
        {
            return new ClientTraining([new ClientUpdate(only.ClientId, only.SampleCount, only.Weights)], only.SampleCount > 0 ? only.MeanLoss : 0, new Divergence(round, DivergenceStage.LocalTraining, only.ClientId, only.DivergedReason!), only.Weights) { DatalessCount = only.SampleCount > 0 ? 0 : 1 };
        }

        return new ClientTraining(updates, lossSum, null, null) { LocalSteps = steps, DatalessCount = dataless, Discarded = discarded };
    }
}
