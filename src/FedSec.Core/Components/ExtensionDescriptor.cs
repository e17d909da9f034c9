using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Stages;

namespace FedSec.Components;

/// <summary>
/// A configuration section of its own that adds a component to an experiment, beside the attack and the defenses: e.g.
/// <c>dp_args</c> (differential privacy) or <c>secure_aggregation_args</c>. Its keys live in that section; the component
/// takes part in every stage interface it implements (<see cref="IClientUpdateStage"/>, <see cref="IServerUpdateStage"/>,
/// <see cref="IAggregationProtocol"/>, <see cref="IAggregateStage"/>, <see cref="IConstrainsSetup"/>,
/// <see cref="IChecksInitialModel"/>). Registered with <see cref="ComponentRegistry.Register(ExtensionDescriptor)"/>.
/// </summary>
public sealed class ExtensionDescriptor
{
    private readonly Func<ComponentArgs, IComponent?> _create;

    /// <summary>Declares the section.</summary>
    /// <param name="section">The section's name, e.g. <c>dp_args</c>.</param>
    /// <param name="summary">One line: what it adds and its papers.</param>
    /// <param name="parameters">The keys it reads.</param>
    /// <param name="create">
    /// Reads the keys (problems go to <see cref="ComponentArgs.Report"/>) and makes the component, or returns null when
    /// the section leaves itself off (e.g. <c>enable_dp: false</c>, or the section is absent).
    /// </param>
    public ExtensionDescriptor(string section, string summary, IReadOnlyList<IParameter> parameters, Func<ComponentArgs, IComponent?> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(section);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(create);
        Section = section;
        Summary = summary;
        Parameters = parameters;
        _create = create;
    }

    /// <summary>The section's name.</summary>
    public string Section { get; }

    /// <summary>One line: what it adds.</summary>
    public string Summary { get; }

    /// <summary>The keys it reads.</summary>
    public IReadOnlyList<IParameter> Parameters { get; }

    /// <summary>The component for one experiment, or null when the section is off or its keys had problems.</summary>
    public IComponent? Create(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int before = args.Problems.Count;
        var instance = _create(args);
        return args.Problems.Count > before ? null : instance;
    }
}
