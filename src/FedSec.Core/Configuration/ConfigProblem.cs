namespace FedSec.Configuration;

/// <summary>One problem found in a configuration: the key (with its section) and a sentence saying what is allowed.</summary>
/// <param name="Key">The offending key, e.g. <c>defense_args.krum_param_m</c>.</param>
/// <param name="Message">What is wrong and what is allowed.</param>
public sealed record ConfigProblem(string Key, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Key}: {Message}";
}
