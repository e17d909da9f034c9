using FedSec.Configuration.Parameters;

namespace FedSec.Configuration;

/// <summary>A key the engine itself reads, with the section FedML writes it under.</summary>
/// <param name="Section">Its home section, e.g. <c>train_args</c>; it is read from there first, then from any other section.</param>
/// <param name="Parameter">The key, its type, default and meaning.</param>
public sealed record EngineParameter(string Section, IParameter Parameter)
{
    /// <summary>The key as written in messages: <c>section.key</c>.</summary>
    public string QualifiedKey => $"{Section}.{Parameter.Key}";
}
