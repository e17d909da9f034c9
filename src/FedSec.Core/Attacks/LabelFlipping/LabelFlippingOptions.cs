using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.LabelFlipping;

/// <summary>Options of label flipping (<c>attack_type: label_flipping</c>), in FedML's vocabulary.</summary>
public sealed class LabelFlippingOptions
{
    /// <summary><c>original_class_list</c>: the source classes.</summary>
    public static readonly IntListParameter OriginalKey = new(
        "original_class_list",
        Array.Empty<int>(),
        "Source classes; original_class_list[i] is relabelled to target_class_list[i] on the poisoned clients (required).",
        min: 0)
    {
        Required = true,
    };

    /// <summary><c>target_class_list</c>: the target classes, pairwise with the sources.</summary>
    public static readonly IntListParameter TargetKey = new(
        "target_class_list",
        Array.Empty<int>(),
        "Target classes, one per source class (required).",
        min: 0)
    {
        Required = true,
    };

    /// <summary><c>ratio_of_poisoned_client</c>: the share of all clients that poison.</summary>
    public static readonly DoubleParameter RatioKey = new(
        "ratio_of_poisoned_client",
        0.1,
        "Share of all clients that flip labels: round(ratio * client_num_in_total) fixed identities, at least 1.",
        min: 0,
        max: 1,
        minExclusive: true);

    /// <summary>The keys this attack reads.</summary>
    public static readonly IParameter[] Keys = { OriginalKey, TargetKey, RatioKey };

    /// <summary>The source → target pairs.</summary>
    /// <value>No default: <c>original_class_list</c> and <c>target_class_list</c> must be set.</value>
    public IReadOnlyList<LabelFlip> Flips { get; init; } = Array.Empty<LabelFlip>();

    /// <summary>The share of clients that poison.</summary>
    /// <value>The default value is 0.1 (1 of 10 clients, the FedMLSecurity paper's setting).</value>
    public double Ratio { get; init; } = RatioKey.Default;

    /// <summary>Number of poisoned clients: round(ratio × client_num_in_total), halves rounded up.</summary>
    public int ClientNum { get; init; } = 1;

    /// <summary>Reads and validates the options; problems go to <paramref name="args"/>.</summary>
    public static LabelFlippingOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var sources = args.Get(OriginalKey);
        var targets = args.Get(TargetKey);
        double ratio = args.Get(RatioKey);
        int count = (int)Math.Round(ratio * args.Shape.TotalClients, MidpointRounding.AwayFromZero);
        if (sources.Length == 0)
        {
            args.Report(args.QualifiedKey(OriginalKey.Key), "Label flipping needs at least one source class, e.g. original_class_list: [3] with target_class_list: [9].");
        }
        else if (sources.Length != targets.Length)
        {
            args.Report(
                args.QualifiedKey(TargetKey.Key),
                $"target_class_list has {targets.Length} classes but original_class_list has {sources.Length}; they pair up one to one, so give as many targets as sources.");
        }

        var duplicates = sources.GroupBy(s => s).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (duplicates.Length > 0)
        {
            args.Report(
                args.QualifiedKey(OriginalKey.Key),
                $"Class {string.Join(", ", duplicates)} appears more than once in original_class_list; each source class can be relabelled to one target only.");
        }

        var flips = sources.Zip(targets, (s, t) => new LabelFlip(s, t)).ToArray();
        foreach (var f in flips.Where(f => f.Source == f.Target))
        {
            args.Report(args.QualifiedKey(TargetKey.Key), $"Class {f.Source} is mapped to itself; a flip must change the label.");
        }

        if (count < 1)
        {
            args.Report(
                args.QualifiedKey(RatioKey.Key),
                $"ratio_of_poisoned_client = {ratio} of {args.Shape.TotalClients} clients (client_num_in_total) rounds to no client; use at least {1.0 / args.Shape.TotalClients:0.###}.");
        }

        return new LabelFlippingOptions { Flips = flips, Ratio = ratio, ClientNum = Math.Max(count, 1) };
    }
}
