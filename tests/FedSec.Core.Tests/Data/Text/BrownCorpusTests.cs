using FedSec.Data;
using FedSec.Data.Text;

namespace FedSec.Core.Tests.Data.Text;

public sealed class BrownCorpusTests
{
    [Fact]
    public void StripTags_KeepsWordsBeforeTheLastSlash_OneLinePerParagraph()
    {
        string tagged = "\n\n\tThe/at jury/nn said/vbd 1/2/cd ./.\n\n\n\tIt/pps ran/vbd\n";

        Assert.Equal("The jury said 1/2 .\nIt ran", BrownCorpus.StripTags(tagged));
    }

    [Fact]
    public void Read_GroupsFilesByGenreLetter_SkipsOtherFiles()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("ca01"), "A/at b/nn");
        File.WriteAllText(dir.File("cr02"), "C/at");
        File.WriteAllText(dir.File("cats.txt"), "ca01 news");
        File.WriteAllText(dir.File("cz01"), "not/a genre");

        var docs = BrownCorpus.Read(dir.Path);

        Assert.Equal([new TextDocument("ca01", "news", "A b"), new TextDocument("cr02", "humor", "C")], docs);
    }

    [Fact]
    public void Read_FileNotUtf8_NamesTheFile()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("ca01"), [0x41, 0xFF, 0x2F, 0x61]);

        var e = Assert.Throws<DataFormatException>(() => BrownCorpus.Read(dir.Path));

        Assert.Contains("ca01", e.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_EmptyDirectory_SaysHowToFetch()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<DataFormatException>(() => BrownCorpus.Read(dir.Path));

        Assert.Contains("fedsec data fetch brown", e.Message, StringComparison.Ordinal);
    }
}
