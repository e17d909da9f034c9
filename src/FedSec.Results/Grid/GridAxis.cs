namespace FedSec.Results.Grid;

/// <summary>One dimension of a grid: a named list of variants (<c>grid: attack: [...]</c>) or a key whose value is a list.</summary>
/// <param name="Name">The axis name: the variant list's name, or the bare key (e.g. <c>random_seed</c>).</param>
/// <param name="Choices">The values, in the order written.</param>
/// <param name="Section">For a key axis, the first section that lists it; null for a named axis.</param>
public sealed record GridAxis(string Name, IReadOnlyList<GridChoice> Choices, string? Section = null)
{
    /// <summary>Whether this axis is a list of named variants rather than one key's values.</summary>
    public bool IsNamed => Section is null;
}
