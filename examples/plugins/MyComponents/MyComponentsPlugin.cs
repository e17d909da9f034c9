using FedSec.Components;

namespace MyComponents;

/// <summary>The plugin's entry point: FedSec creates it and calls <see cref="Register"/> when it loads the assembly.</summary>
public sealed class MyComponentsPlugin : IFedSecPlugin
{
    /// <summary>The descriptor of <c>defense_type: norm_ratio_filter</c>.</summary>
    public static ComponentDescriptor NormRatioFilter { get; } = ComponentDescriptor.Defense(
        "norm_ratio_filter",
        "Removes updates farther from the global model than norm_ratio times the median distance (example plugin).",
        NormRatioFilterOptions.Keys,
        NormRatioFilterOptions.Read,
        options => new NormRatioFilter(options));

    /// <summary>The descriptor of <c>attack_type: constant_shift</c>.</summary>
    public static ComponentDescriptor ConstantShift { get; } = ComponentDescriptor.Attack(
        "constant_shift",
        "Malicious clients add a constant to every trainable weight (example plugin).",
        ConstantShiftOptions.Keys,
        ConstantShiftOptions.Read,
        options => new ConstantShift(options));

    /// <inheritdoc />
    public void Register(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(NormRatioFilter).Register(ConstantShift);
    }
}
