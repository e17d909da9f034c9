namespace FedSec.Data;

/// <summary>
/// A data set's published archive: where it is downloaded from, its pinned SHA-256, and the files FedSec takes out of
/// it. Only data: FedSec.Fetch downloads it, and the catalog's messages tell a user who fetches by hand the same.
/// </summary>
/// <param name="FileName">The archive's name, e.g. <c>cifar-100-binary.tar.gz</c>.</param>
/// <param name="Sources">The addresses to download it from, the official one first.</param>
/// <param name="Sha256">Lower-case hexadecimal SHA-256 of the archive.</param>
/// <param name="Size">Its size in bytes when published with the hash, else null.</param>
/// <param name="Files">The files taken out of it, matched by name wherever they sit inside.</param>
/// <param name="Provenance">Where the pinned hash comes from, for messages and documentation.</param>
public sealed record DatasetArchive(
    string FileName,
    IReadOnlyList<Uri> Sources,
    string Sha256,
    long? Size,
    IReadOnlyList<string> Files,
    string Provenance)
{
    /// <summary>Whether the archive is bzip2-compressed (by its name); otherwise gzip.</summary>
    public bool IsBzip2 => FileName.EndsWith(".bz2", StringComparison.OrdinalIgnoreCase);
}
