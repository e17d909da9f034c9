using FedSec.Configuration.Parameters;

namespace FedSec.Configuration;

/// <summary>A key the engine itself reads, with the section FedML writes it under.</summary>
/// <param name="Section">Its home section, e.g. <c>train_args</c>; it is read from there first, then from any other section.</param>
/// <param name="Parameter">The key, its type, default and meaning.</param>
public sealed record EngineParameter(string Section, IParameter Parameter)
{
    /// <summary>
    /// True for a key added to the engine after grids were run, whose unset value (empty) changes nothing: a run's key
    /// (run key) counts it only when it is set, so the runs of older grids keep their keys.
    /// </summary>
    public bool InRunKeyOnlyWhenSet { get; init; }

    /// <summary>The key as written in messages: <c>section.key</c>.</summary>
    public string QualifiedKey => $"{Section}.{Parameter.Key}";
}
