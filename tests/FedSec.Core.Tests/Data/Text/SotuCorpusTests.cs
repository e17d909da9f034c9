using FedSec.Data.Text;

namespace FedSec.Core.Tests.Data.Text;

public sealed class SotuCorpusTests
{
    [Fact]
    public void ParseFileName_SplitsYearPresidentAndParty()
    {
        Assert.Equal((1825, "john quincy adams", "dr"), SotuCorpus.ParseFileName("1825_john_quincy_adams_dr.txt"));
        Assert.Null(SotuCorpus.ParseFileName("1825_john_quincy_adams_dr.json"));
        Assert.Null(SotuCorpus.ParseFileName("README.txt"));
    }

    [Fact]
    public void Read_ByEra_GroupsByDecade_ByPresident_ByName()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("1790_george_washington_n.txt"), " Fellow-Citizens \n");
        File.WriteAllText(dir.File("1801_thomas_jefferson_dr.txt"), "Ünïcode");
        File.WriteAllText(dir.File("1790_george_washington_n.json"), "{}");

        var byEra = SotuCorpus.Read(dir.Path, SotuGrouping.Era);
        var byPresident = SotuCorpus.Read(dir.Path, SotuGrouping.President);

        Assert.Equal(["1790s", "1800s"], byEra.Select(d => d.Group));
        Assert.Equal(["george washington", "thomas jefferson"], byPresident.Select(d => d.Group));
        Assert.Equal(["Fellow-Citizens", "Ünïcode"], byEra.Select(d => d.Text));
    }
}
