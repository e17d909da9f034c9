using FedSec.Attacks.Common;
using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.EdgeCase;

/// <summary>
/// Options of the edge-case backdoor (<c>attack_type: edge_case</c>). Defaults: the paper's EMNIST task (ARDIS sevens
/// classified as ones) carried over to MNIST's own unusual sevens, and the PGD settings of the example commands published
/// with the authors' code (ε = 2, a projection every 10 steps).
/// </summary>
public sealed class EdgeCaseOptions
{
    /// <summary><c>byzantine_client_num</c>: the number of malicious clients.</summary>
    public static readonly IntParameter ClientNumKey = AttackerCount.Key;

    /// <summary><c>edge_case_source_label</c>: the class whose tail images are the edge cases.</summary>
    public static readonly IntParameter SourceLabelKey = new(
        "edge_case_source_label",
        7,
        "Class whose unusual images (those farthest from the class's mean image) are the edge cases.",
        min: 0);

    /// <summary><c>target_label</c>: the class the edge cases should be classified as.</summary>
    public static readonly IntParameter TargetLabelKey = new("target_label", 1, "The class the edge cases should be classified as.", min: 0);

    /// <summary><c>edge_case_tail</c>: the share of the source class that counts as its tail.</summary>
    public static readonly DoubleParameter TailKey = new(
        "edge_case_tail",
        0.1,
        "Share of the source class's images, the farthest from its mean, that are edge cases (in each attacker's data and in the test set).",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary><c>pgd_eps</c>: ε, the radius of the L2 ball around the global model.</summary>
    public static readonly DoubleParameter EpsilonKey = new(
        "pgd_eps",
        2.0,
        "epsilon: the attacker's model is projected back into the L2 ball of this radius around the global model (trainable parameters).",
        min: 0,
        minExclusive: true);

    /// <summary><c>pgd_project_frequency</c>: steps between projections.</summary>
    public static readonly IntParameter FrequencyKey = new(
        "pgd_project_frequency",
        10,
        "Project after every this many local steps (counting from each epoch's first) and after each epoch's last step; 1 = every step.",
        min: 1);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { ClientNumKey, SourceLabelKey, TargetLabelKey, TailKey, EpsilonKey, FrequencyKey };

    /// <summary>Number of malicious clients.</summary>
    /// <value>The default value is 1.</value>
    public int ClientNum { get; init; } = ClientNumKey.Default;

    /// <summary>The class whose tail images are the edge cases.</summary>
    /// <value>The default value is 7 (the paper's ARDIS task relabels sevens).</value>
    public int SourceLabel { get; init; } = SourceLabelKey.Default;

    /// <summary>The class the edge cases should be classified as.</summary>
    /// <value>The default value is 1 (the paper's ARDIS sevens are labelled ones).</value>
    public int TargetLabel { get; init; } = TargetLabelKey.Default;

    /// <summary>The share of the source class that is its tail.</summary>
    /// <value>The default value is 0.1.</value>
    public double Tail { get; init; } = TailKey.Default;

    /// <summary>ε, the radius of the projection ball.</summary>
    /// <value>The default value is 2.</value>
    public double Epsilon { get; init; } = EpsilonKey.Default;

    /// <summary>Local steps between projections.</summary>
    /// <value>The default value is 10.</value>
    public int ProjectFrequency { get; init; } = FrequencyKey.Default;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static EdgeCaseOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EdgeCaseOptions
        {
            ClientNum = AttackerCount.Read(args),
            SourceLabel = args.Get(SourceLabelKey),
            TargetLabel = args.Get(TargetLabelKey),
            Tail = args.Get(TailKey),
            Epsilon = args.Get(EpsilonKey),
            ProjectFrequency = args.Get(FrequencyKey),
        };
        if (options.SourceLabel == options.TargetLabel)
        {
            args.Report(
                args.QualifiedKey(SourceLabelKey.Key),
                $"edge_case_source_label and target_label are both {options.SourceLabel}: relabelling a class to itself is no backdoor; choose two different classes.");
        }

        return options;
    }
}
