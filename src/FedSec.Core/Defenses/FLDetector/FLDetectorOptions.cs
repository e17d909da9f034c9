using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Defenses.FLDetector;

/// <summary>Options of FLDetector (<c>defense_type: fldetector</c>).</summary>
public sealed class FLDetectorOptions
{
    /// <summary><c>fldetector_window</c>: N, the rounds of history kept (L-BFGS pairs, suspicion scores averaged).</summary>
    public static readonly IntParameter WindowKey = new(
        "fldetector_window",
        10,
        "N: FLDetector keeps the last N (model change, update change) pairs for its L-BFGS Hessian estimate and flags clients once every client has N suspicion scores, averaged.",
        min: 1);

    /// <summary><c>fldetector_gap_samples</c>: B, the uniform reference samples of the gap statistic.</summary>
    public static readonly IntParameter GapSamplesKey = new(
        "fldetector_gap_samples",
        20,
        "B: the number of uniform reference samples the gap statistic draws per number of clusters to decide whether the suspicion scores form more than one group.",
        min: 1);

    /// <summary><c>fldetector_max_clusters</c>: the largest number of clusters the gap statistic tries.</summary>
    public static readonly IntParameter MaxClustersKey = new(
        "fldetector_max_clusters",
        10,
        "K_max: the largest number of clusters the gap statistic tries on the suspicion scores (at least 2).",
        min: 2);

    /// <summary>The keys FLDetector reads.</summary>
    public static readonly IParameter[] Keys = { WindowKey, GapSamplesKey, MaxClustersKey };

    /// <summary>N, the window.</summary>
    /// <value>The default value is 10, the paper's.</value>
    public int Window { get; init; } = WindowKey.Default;

    /// <summary>B, the gap statistic's reference samples.</summary>
    /// <value>The default value is 20 (the authors' <c>detection1</c> draws 10).</value>
    public int GapSamples { get; init; } = GapSamplesKey.Default;

    /// <summary>K_max of the gap statistic.</summary>
    /// <value>The default value is 10 (the authors' <c>detection1</c> tries k up to 7).</value>
    public int MaxClusters { get; init; } = MaxClustersKey.Default;

    /// <summary>
    /// Reads the options and checks the experiment: FLDetector predicts each client's update from that client's
    /// previous one, so every client must take part in every round (client_num_per_round = client_num_in_total); and it
    /// flags clients only from round N + 1 (counting from 0: the first prediction needs two rounds of history, the
    /// scores a window of N), so a run of at most N + 1 rounds would never flag anyone.
    /// </summary>
    public static FLDetectorOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new FLDetectorOptions
        {
            Window = args.Get(WindowKey),
            GapSamples = args.Get(GapSamplesKey),
            MaxClusters = args.Get(MaxClustersKey),
        };
        var shape = args.Shape;
        if (shape.ClientsPerRound != shape.TotalClients)
        {
            args.Report(
                "train_args.client_num_per_round",
                $"FLDetector predicts each client's update from that client's update of the previous round, so it needs the same clients in every round: client_num_per_round ({shape.ClientsPerRound}) must equal client_num_in_total ({shape.TotalClients}).");
        }

        if (shape.Offline)
        {
            args.Report(
                args.QualifiedKey("defense_type"),
                $"FLDetector flags a client from the history of its updates over at least {WindowKey.Key} + 2 = {options.Window + 2} rounds; one offline aggregation of given models has no history, so it would never flag anyone. Run it in fedsec run, fedsec bench or fedsec server.");
        }
        else if (shape.Rounds < options.Window + 2)
        {
            args.Report(
                args.QualifiedKey(WindowKey.Key),
                $"FLDetector first predicts an update in round 2 (counting from 0) and flags clients once each has {WindowKey.Key} = {options.Window} scores, from round {options.Window + 1}; with comm_round = {shape.Rounds} it would never flag anyone. Set {WindowKey.Key} to at most {Math.Max(1, shape.Rounds - 2)}, or comm_round to at least {options.Window + 2}.");
        }

        return options;
    }
}
