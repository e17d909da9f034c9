namespace FedSec.Configuration.Parameters;

/// <summary>A configuration key a component reads, as shown by <c>fedsec list</c> and checked by validation.</summary>
public interface IParameter
{
    /// <summary>The key in FedML's vocabulary, e.g. <c>krum_param_m</c>.</summary>
    string Key { get; }

    /// <summary>The kind of value, e.g. <c>int ≥ 1</c> or <c>zero | random | flip</c>.</summary>
    string TypeText { get; }

    /// <summary>The default, as text.</summary>
    string DefaultText { get; }

    /// <summary>What it means.</summary>
    string Description { get; }
}
