using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Stages;

namespace FedSec.Components;

/// <summary>
/// A registered attack or defense: its config name, what it is, the keys it reads, how its options are read and how
/// an instance is made. The stages it runs at are the stage interfaces its instance implements. Made with
/// <see cref="Attack{TOptions}(string, string, IReadOnlyList{IParameter}, Func{ComponentArgs, TOptions}, Func{TOptions, ComponentArgs, IAttack})"/>,
/// <see cref="Defense{TOptions}(string, string, IReadOnlyList{IParameter}, Func{ComponentArgs, TOptions}, Func{TOptions, ComponentArgs, IDefense})"/>
/// and their overloads.
/// </summary>
public sealed class ComponentDescriptor
{
    private readonly Func<ComponentArgs, object?> _readOptions;
    private readonly Func<object?> _defaultOptions;
    private readonly Func<object?, ComponentArgs, IComponent> _create;

    private ComponentDescriptor(
        string name,
        ComponentKind kind,
        string summary,
        IReadOnlyList<IParameter> parameters,
        Func<ComponentArgs, object?> readOptions,
        Func<object?> defaultOptions,
        Func<object?, ComponentArgs, IComponent> create)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(parameters);
        Name = name;
        Kind = kind;
        Summary = summary;
        Parameters = parameters;
        _readOptions = readOptions;
        _defaultOptions = defaultOptions;
        _create = create;
    }

    /// <summary>The name the YAML uses, e.g. <c>krum</c>.</summary>
    public string Name { get; }

    /// <summary>Attack or defense.</summary>
    public ComponentKind Kind { get; }

    /// <summary>One line: what it does and its paper.</summary>
    public string Summary { get; }

    /// <summary>The configuration keys it reads.</summary>
    public IReadOnlyList<IParameter> Parameters { get; }

    /// <summary>An attack with options read from its keys.</summary>
    /// <param name="name">The name the YAML uses.</param>
    /// <param name="summary">One line: what it does and its paper.</param>
    /// <param name="parameters">The keys it reads.</param>
    /// <param name="readOptions">Reads and validates the options; reports problems through <see cref="ComponentArgs.Report"/> instead of throwing.</param>
    /// <param name="create">Makes an instance from valid options.</param>
    public static ComponentDescriptor Attack<TOptions>(
        string name, string summary, IReadOnlyList<IParameter> parameters, Func<ComponentArgs, TOptions> readOptions, Func<TOptions, IAttack> create)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(create);
        return Attack(name, summary, parameters, readOptions, (o, _) => create(o));
    }

    /// <summary>An attack whose instance also depends on the rest of the configuration (the experiment's size, the engine's keys).</summary>
    /// <inheritdoc cref="Attack{TOptions}(string, string, IReadOnlyList{IParameter}, Func{ComponentArgs, TOptions}, Func{TOptions, IAttack})"/>
    public static ComponentDescriptor Attack<TOptions>(
        string name, string summary, IReadOnlyList<IParameter> parameters, Func<ComponentArgs, TOptions> readOptions, Func<TOptions, ComponentArgs, IAttack> create)
        where TOptions : class, new() =>
        WithOptions(name, ComponentKind.Attack, summary, parameters, readOptions, create);

    /// <summary>An attack without keys of its own.</summary>
    public static ComponentDescriptor Attack(string name, string summary, Func<ComponentArgs, IAttack> create) =>
        WithoutOptions(name, ComponentKind.Attack, summary, create);

    /// <summary>A defense with options read from its keys.</summary>
    /// <inheritdoc cref="Attack{TOptions}(string, string, IReadOnlyList{IParameter}, Func{ComponentArgs, TOptions}, Func{TOptions, IAttack})"/>
    public static ComponentDescriptor Defense<TOptions>(
        string name, string summary, IReadOnlyList<IParameter> parameters, Func<ComponentArgs, TOptions> readOptions, Func<TOptions, IDefense> create)
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(create);
        return Defense(name, summary, parameters, readOptions, (o, _) => create(o));
    }

    /// <summary>A defense whose instance also depends on the rest of the configuration (m-Krum's m = n − 2f − 2 needs the clients per round).</summary>
    /// <inheritdoc cref="Attack{TOptions}(string, string, IReadOnlyList{IParameter}, Func{ComponentArgs, TOptions}, Func{TOptions, IAttack})"/>
    public static ComponentDescriptor Defense<TOptions>(
        string name, string summary, IReadOnlyList<IParameter> parameters, Func<ComponentArgs, TOptions> readOptions, Func<TOptions, ComponentArgs, IDefense> create)
        where TOptions : class, new() =>
        WithOptions(name, ComponentKind.Defense, summary, parameters, readOptions, create);

    /// <summary>A defense without keys of its own.</summary>
    public static ComponentDescriptor Defense(string name, string summary, Func<ComponentArgs, IDefense> create) =>
        WithoutOptions(name, ComponentKind.Defense, summary, create);

    /// <summary>
    /// Creates an instance for one experiment: reads the options from <paramref name="args"/> (problems go there, not
    /// into exceptions) and makes the instance; null when the options had problems.
    /// </summary>
    public IComponent? Create(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        int before = args.Problems.Count;
        var options = _readOptions(args);
        return args.Problems.Count > before ? null : _create(options, args);
    }

    /// <summary>The options read from <paramref name="args"/> (null for a component without options); for tests and listings.</summary>
    public object? ReadOptions(ComponentArgs args) => _readOptions(args);

    /// <summary>The options' declared defaults (<c>new TOptions()</c>), or null for a component without options.</summary>
    public object? DefaultOptions() => _defaultOptions();

    private static ComponentDescriptor WithOptions<TOptions, TInstance>(
        string name, ComponentKind kind, string summary, IReadOnlyList<IParameter> parameters, Func<ComponentArgs, TOptions> readOptions, Func<TOptions, ComponentArgs, TInstance> create)
        where TOptions : class, new()
        where TInstance : IComponent
    {
        ArgumentNullException.ThrowIfNull(readOptions);
        ArgumentNullException.ThrowIfNull(create);
        return new ComponentDescriptor(name, kind, summary, parameters, args => readOptions(args), () => new TOptions(), (o, args) => create((TOptions)o!, args));
    }

    private static ComponentDescriptor WithoutOptions<TInstance>(string name, ComponentKind kind, string summary, Func<ComponentArgs, TInstance> create)
        where TInstance : IComponent
    {
        ArgumentNullException.ThrowIfNull(create);
        return new ComponentDescriptor(name, kind, summary, Array.Empty<IParameter>(), _ => null, () => null, (_, args) => create(args));
    }
}
