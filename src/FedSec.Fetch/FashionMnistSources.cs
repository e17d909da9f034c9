using FedSec.Data;

namespace FedSec.Fetch;

/// <summary>Where the official Fashion-MNIST comes from and the SHA-256 of each of its (uncompressed) files.</summary>
public static class FashionMnistSources
{
    /// <summary>The Debian package that installs the official files.</summary>
    public const string DebianPackage = "dataset-fashion-mnist";

    /// <summary>Where <see cref="DebianPackage"/> puts the four gzip-compressed IDX files.</summary>
    public const string DebianDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The publisher's own copy (Zalando Research's repository), tried after the Debian package.</summary>
    public static Uri Mirror { get; } = new("https://github.com/zalandoresearch/fashion-mnist/raw/master/data/fashion/");

    /// <summary>
    /// Lower-case hexadecimal SHA-256 of each uncompressed file of the official release (the files Zalando publishes,
    /// whose gzip MD5s its README lists; Debian's package recompresses them, so only the uncompressed bytes match).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Sha256 { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [MnistFiles.TrainImages] = "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
        [MnistFiles.TrainLabels] = "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
        [MnistFiles.TestImages] = "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
        [MnistFiles.TestLabels] = "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34",
    };

    /// <summary>The Debian package's directory as a source.</summary>
    public static LocalDirectorySource Debian(string directory = DebianDirectory) =>
        new(directory, $"Debian package {DebianPackage}", $"install it with `apt-get install {DebianPackage}`.");
}
