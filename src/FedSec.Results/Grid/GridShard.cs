using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FedSec.Results.Grid;

/// <summary>
/// One machine's share of a grid (<c>fedsec bench --shard K/N</c>): the runs whose key hashes to share K of N. The
/// share depends on the run key alone, so it is the same whatever the grid's order, <c>--only</c> or the machine, and
/// the N shares of a grid are disjoint and cover it.
/// </summary>
/// <param name="Index">K, from 1.</param>
/// <param name="Count">N.</param>
public sealed record GridShard(int Index, int Count)
{
    /// <summary>Whether the run of <paramref name="runKey"/> falls in this share.</summary>
    public bool Contains(string runKey)
    {
        ArgumentNullException.ThrowIfNull(runKey);
        ulong hash = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(runKey)));
        return (int)(hash % (ulong)Count) == Index - 1;
    }

    /// <summary>Parses <c>K/N</c> with 1 ≤ K ≤ N; null and the problem (naming <c>--shard</c>) when it is not that.</summary>
    public static GridShard? Parse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n)
            && n >= 1 && k >= 1 && k <= n)
        {
            problem = null;
            return new GridShard(k, n);
        }

        problem = $"--shard expects K/N with 1 <= K <= N (share K of N machines, e.g. --shard 2/3), not '{text}'.";
        return null;
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
