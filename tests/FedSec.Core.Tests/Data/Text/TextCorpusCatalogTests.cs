using FedSec.Data.Text;

namespace FedSec.Core.Tests.Data.Text;

public sealed class TextCorpusCatalogTests
{
    [Fact]
    public void CanonicalName_Unknown_ListsTheCorpora()
    {
        var e = Assert.Throws<ArgumentException>(() => TextCorpusCatalog.CanonicalName("pubmed"));

        Assert.Contains("brown, sotu", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void IsPresent_TrueOnlyWithEveryFileOfThePackage()
    {
        using var dir = new TempDirectory();
        string sotu = TextCorpusCatalog.CorpusDirectory("sotu", dir.Path);
        Directory.CreateDirectory(sotu);
        for (int i = 0; i < SotuCorpus.PublishedFileCount - 1; i++)
        {
            File.WriteAllText(Path.Combine(sotu, $"{1790 + i}_x_y.txt"), "t");
        }

        Assert.False(TextCorpusCatalog.IsPresent("sotu", dir.Path));
        File.WriteAllText(Path.Combine(sotu, "2100_x_y.txt"), "t");
        Assert.True(TextCorpusCatalog.IsPresent("SOTU", dir.Path));
    }

    [Fact]
    public void Package_Brown_TakesOnlyTheCorpusFiles()
    {
        var package = TextCorpusCatalog.Package("brown");

        Assert.True(package.IsCorpusFile("ca01"));
        Assert.False(package.IsCorpusFile("cats.txt"));
        Assert.False(package.IsCorpusFile("README"));
    }
}
