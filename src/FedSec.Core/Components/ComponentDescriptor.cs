using FedSec.Configuration;
using FedSec.Configuration.Parameters;

namespace FedSec.Components;

/// <summary>
/// A registered attack or defense: its config name, what it is, the keys it reads, and how to create it. The stages it
/// runs at are the stage interfaces (<see cref="Stages.IModelPoisoningAttack"/>, ...) its instance implements.
/// </summary>
/// <param name="Name">The name the YAML uses, e.g. <c>krum</c>.</param>
/// <param name="Kind">Attack or defense.</param>
/// <param name="Summary">One line: what it does and its paper.</param>
/// <param name="Parameters">The configuration keys it reads.</param>
/// <param name="Create">
/// Creates an instance for one experiment from the configuration; reports bad values through
/// <see cref="ComponentArgs.Report"/> rather than throwing.
/// </param>
public sealed record ComponentDescriptor(
    string Name,
    ComponentKind Kind,
    string Summary,
    IReadOnlyList<IParameter> Parameters,
    Func<ComponentArgs, object> Create);
