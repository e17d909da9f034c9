using FedSec.Components;
using FedSec.Configuration;
using FedSec.Stages;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>Registers secure aggregation as the section <c>secure_aggregation_args</c>.</summary>
public static class SecAggRegistration
{
    /// <summary>The descriptor of <c>secure_aggregation_args</c>; <paramref name="registry"/> tells which defenses it admits.</summary>
    public static ExtensionDescriptor Descriptor(ComponentRegistry registry) => new(
        "secure_aggregation_args",
        "Secure aggregation (Bonawitz et al. 2017; SecAgg+, Bell et al. 2020): ECDH keys, AES-CTR masks, Shamir shares; the server only sums masked vectors; the sum is FedAvg's within the quantisation error.",
        SecAggOptions.Keys,
        args => SecAggOptionsReader.Read(args) is { } o ? new SecureAggregationProtocol(o, () => AfterAggregationOnly(registry, args.Shape)) : null);

    /// <summary>The registered defenses that act only on the aggregated model, found by making each with its defaults.</summary>
    private static IReadOnlyList<string> AfterAggregationOnly(ComponentRegistry registry, ExperimentShape shape)
    {
        var names = new List<string>();
        foreach (var d in registry.OfKind(ComponentKind.Defense))
        {
            var problems = new List<ConfigProblem>();
            var instance = d.Create(new ComponentArgs(new ConfigNamespace(), ConfigSections.Defense, shape, problems));
            if (instance is IAfterAggregationDefense and not (IBeforeAggregationDefense or IOnAggregationDefense))
            {
                names.Add(d.Name);
            }
        }

        return names;
    }
}
