using System.Text.Json;

namespace FedSec.Results.Database;

/// <summary>
/// The order of each grid axis's values as the grid file gives them (attacks and defenses as listed), kept in the
/// results database's <c>meta</c> table (<see cref="MetaName"/>) so that the report shows them in that order rather
/// than alphabetically. Each bench adds the values it plans after those stored, so a grid that grows keeps its order.
/// </summary>
public static class GridAxisOrder
{
    /// <summary>The <c>meta</c> row: a JSON object of axis → its values in order.</summary>
    public const string MetaName = "axis_order";

    /// <summary>
    /// <paramref name="stored"/> (a previous <see cref="Merge"/>'s JSON, or null) with the values of
    /// <paramref name="runs"/>' axes appended in the order they first appear (the grid's order: seeds outermost, then
    /// the axes as the file lists them).
    /// </summary>
    public static string Merge(string? stored, IEnumerable<IReadOnlyDictionary<string, string>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var order = Parse(stored).ToDictionary(a => a.Key, a => a.Value.ToList(), StringComparer.Ordinal);
        foreach (var axes in runs)
        {
            foreach (var (axis, value) in axes)
            {
                var values = order.TryGetValue(axis, out var list) ? list : order[axis] = [];
                if (!values.Contains(value, StringComparer.Ordinal))
                {
                    values.Add(value);
                }
            }
        }

        return JsonSerializer.Serialize(new SortedDictionary<string, List<string>>(order, StringComparer.Ordinal));
    }

    /// <summary>The stored order; empty when none is stored or it does not read (the report then orders by name).</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }

        try
        {
            var order = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json);
            return order is null
                ? new Dictionary<string, IReadOnlyList<string>>()
                : order.Where(a => a.Value is not null).ToDictionary(a => a.Key, a => (IReadOnlyList<string>)a.Value, StringComparer.Ordinal);
        }
        catch (JsonException)
        {
            return new Dictionary<string, IReadOnlyList<string>>();
        }
    }

    /// <summary>Each axis value's position in <paramref name="order"/>, for one run's axes (values not listed are left out).</summary>
    public static IReadOnlyDictionary<string, int> Ranks(IReadOnlyDictionary<string, IReadOnlyList<string>> order, IReadOnlyDictionary<string, string> axes)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(axes);
        var ranks = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (axis, value) in axes)
        {
            if (order.TryGetValue(axis, out var values))
            {
                for (int rank = 0; rank < values.Count; rank++)
                {
                    if (values[rank] == value)
                    {
                        ranks[axis] = rank;
                        break;
                    }
                }
            }
        }

        return ranks;
    }
}
