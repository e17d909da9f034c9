using FedSec.Configuration;

namespace FedSec.Core.Tests.Configuration;

public class ConfigReaderTests
{
    private static readonly Dictionary<string, string> Homes = new()
    {
        ["comm_round"] = "train_args",
        ["defense_type"] = "defense_args",
        ["byzantine_client_num"] = "attack_args",
        ["noise_multiplier"] = "dp_args",
    };

    [Fact]
    public void Parse_SectionsOfKeys_EntriesCarrySectionKeyAndFileLine()
    {
        var ns = ConfigReader.Parse("common_args:\n  random_seed: 3\n\ntrain_args:\n  comm_round: 5\n  learning_rate: 0.03\n", "exp.yaml");

        Assert.Equal(3, ns.Entries.Count);
        Assert.Equal(new ConfigEntry("common_args", "random_seed", "3", "exp.yaml:2"), ns.Entries[0]);
        Assert.Equal(new ConfigEntry("train_args", "comm_round", "5", "exp.yaml:5"), ns.Entries[1]);
        Assert.Equal(new ConfigEntry("train_args", "learning_rate", "0.03", "exp.yaml:6"), ns.Entries[2]);
    }

    [Fact]
    public void Parse_ScalarsAsWritten_TextKeptAndYamlNullsBecomeNull()
    {
        var ns = ConfigReader.Parse("s:\n  a: 0.50\n  b: ~\n  c:\n  d: null\n  e: ''\n  f: \"None\"\n  g: True\n", "x.yaml");

        Assert.Equal("0.50", ns.Find("a")!.Value);
        Assert.Null(ns.Find("b")!.Value);
        Assert.Null(ns.Find("c")!.Value);
        Assert.Null(ns.Find("d")!.Value);
        Assert.Equal(string.Empty, ns.Find("e")!.Value);
        Assert.Equal("None", ns.Find("f")!.Value);
        Assert.Equal("True", ns.Find("g")!.Value);
    }

    [Fact]
    public void Parse_SequenceAndMapping_BecomeListAndDictionary()
    {
        var ns = ConfigReader.Parse("s:\n  list: [3, 2]\n  block:\n    - x\n    - [y, ~]\n  map: {p: 1, q: [a]}\n", "x.yaml");

        Assert.Equal(new List<object?> { "3", "2" }, Assert.IsType<List<object?>>(ns.Find("list")!.Value));
        var block = Assert.IsType<List<object?>>(ns.Find("block")!.Value);
        Assert.Equal("x", block[0]);
        Assert.Equal(new List<object?> { "y", null }, Assert.IsType<List<object?>>(block[1]));
        var map = Assert.IsType<Dictionary<string, object?>>(ns.Find("map")!.Value);
        Assert.Equal("1", map["p"]);
        Assert.Equal(new List<object?> { "a" }, map["q"]);
    }

    [Fact]
    public void Parse_EmptySection_SetsNothing()
    {
        var ns = ConfigReader.Parse("attack_args:\ntrain_args:\n  epochs: 1\n", "x.yaml");

        Assert.Equal(new ConfigEntry("train_args", "epochs", "1", "x.yaml:3"), Assert.Single(ns.Entries));
    }

    [Fact]
    public void Parse_SyntaxError_ThrowsNamingFileAndLine()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.Parse("train_args:\n  comm_round: 5\n  x: [1, 2\n", "bad.yaml"));

        var p = Assert.Single(e.Problems);
        Assert.StartsWith("bad.yaml:", p.Key, StringComparison.Ordinal);
        Assert.Contains("YAML syntax error at line", p.Message, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadIndentation_ThrowsWithTheLineOfTheError()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.Parse("train_args:\n  epochs: 1\n batch_size: 2\n", "bad.yaml"));

        Assert.Equal("bad.yaml:3", Assert.Single(e.Problems).Key);
    }

    [Fact]
    public void Parse_DuplicateKey_ThrowsNamingKeyAndLine()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.Parse("train_args:\n  epochs: 1\n  epochs: 2\n", "dup.yaml"));

        var p = Assert.Single(e.Problems);
        Assert.Equal("dup.yaml:3", p.Key);
        Assert.Contains("duplicate key 'epochs'", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DuplicateSection_Throws()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.Parse("train_args:\n  epochs: 1\ntrain_args:\n  batch_size: 2\n", "dup.yaml"));

        Assert.Contains("duplicate key 'train_args'", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TopLevelKeysThatAreNotSections_ThrowsNamingEach()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.Parse("comm_round: 5\ntrain_args:\n  epochs: 1\nlist_args: [a]\n", "flat.yaml"));

        Assert.Equal(new[] { "flat.yaml:1", "flat.yaml:4" }, e.Problems.Select(p => p.Key));
        Assert.Contains("'comm_round' is at the top level", e.Problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("'list_args' is at the top level", e.Problems[1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("just text\n")]
    public void Parse_TopLevelNotAMapping_Throws(string yaml)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.Parse(yaml, "top.yaml"));

        Assert.Equal("top.yaml:1", Assert.Single(e.Problems).Key);
        Assert.Contains("top level must be a mapping of sections", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    public void Parse_Empty_Throws(string yaml)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.Parse(yaml, "empty.yaml"));

        Assert.Equal("empty.yaml", Assert.Single(e.Problems).Key);
    }

    [Fact]
    public void Parse_TwoDocuments_Throws()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.Parse("a:\n  x: 1\n---\nb:\n  y: 2\n", "two.yaml"));

        Assert.Contains("second YAML document", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_MissingFile_ThrowsWithThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fedsec-missing-{Guid.NewGuid():N}", "config.yaml");

        var e = Assert.Throws<ConfigException>(() => ConfigReader.ParseFile(path));

        Assert.Equal(path, Assert.Single(e.Problems).Key);
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseFile_ExistingFile_SourcesArePathAndLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"fedsec-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "train_args:\n\n  comm_round: 4\n");
        try
        {
            var entry = Assert.Single(ConfigReader.ParseFile(path).Entries);

            Assert.Equal($"{path}:3", entry.Source);
            Assert.Equal("4", entry.Value);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ApplyOverride_QualifiedKey_SetsThatSectionWithSourceSet()
    {
        var ns = ConfigReader.Parse("train_args:\n  comm_round: 5\n", "x.yaml");

        ConfigReader.ApplyOverride(ns, "train_args.comm_round=3", Homes);

        Assert.Equal(new ConfigEntry("train_args", "comm_round", "3", "--set"), Assert.Single(ns.Entries));
    }

    [Fact]
    public void ApplyOverride_BareKeyAlreadyWritten_GoesToTheSectionHoldingIt()
    {
        var ns = ConfigReader.Parse("defense_args:\n  byzantine_client_num: 1\n", "x.yaml");

        ConfigReader.ApplyOverride(ns, "byzantine_client_num=2", Homes);

        Assert.Equal(new ConfigEntry("defense_args", "byzantine_client_num", "2", "--set"), Assert.Single(ns.Entries));
    }

    [Fact]
    public void ApplyOverride_BareKeyNotWritten_GoesToItsHomeSection()
    {
        var ns = new ConfigNamespace();

        ConfigReader.ApplyOverride(ns, "comm_round=3", Homes);

        Assert.Equal(new ConfigEntry("train_args", "comm_round", "3", "--set"), Assert.Single(ns.Entries));
    }

    [Fact]
    public void ApplyOverride_FlowList_ParsesAsList()
    {
        var ns = new ConfigNamespace();

        ConfigReader.ApplyOverride(ns, "defense_type=[nnm,trimmed_mean]", Homes);

        Assert.Equal(new List<object?> { "nnm", "trimmed_mean" }, ns.Find("defense_type")!.Value);
    }

    [Fact]
    public void ApplyOverride_EmptyValue_SetsNull()
    {
        var ns = ConfigReader.Parse("train_args:\n  comm_round: 5\n", "x.yaml");

        ConfigReader.ApplyOverride(ns, "comm_round=", Homes);

        Assert.Null(ns.Find("comm_round")!.Value);
    }

    [Fact]
    public void ApplyOverride_UnknownBareKey_ThrowsWithSuggestion()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.ApplyOverride(new ConfigNamespace(), "comm_rounds=3", Homes));

        var p = Assert.Single(e.Problems);
        Assert.Equal("comm_rounds", p.Key);
        Assert.Contains("did you mean 'comm_round'?", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyOverride_UnknownQualifiedKey_Throws()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.ApplyOverride(new ConfigNamespace(), "train_args.nonsense=3", Homes));

        Assert.Contains("unknown key 'nonsense'", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyOverride_UnknownSection_ThrowsListingSections()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.ApplyOverride(new ConfigNamespace(), "trian_args.comm_round=3", Homes));

        var message = Assert.Single(e.Problems).Message;
        Assert.Contains("unknown section 'trian_args'", message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'train_args'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyOverride_QualifiedKeyOfARegisteredSection_SetsThatSection()
    {
        var ns = new ConfigNamespace();

        ConfigReader.ApplyOverride(ns, "dp_args.noise_multiplier=1.1", Homes);

        var entry = Assert.Single(ns.Entries);
        Assert.Equal("dp_args", entry.Section);
        Assert.Equal("1.1", entry.Value);
        Assert.Equal(ConfigReader.OverrideSource, entry.Source);
    }

    [Fact]
    public void ApplyOverride_UnknownSection_ListsRegisteredSectionsToo()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.ApplyOverride(new ConfigNamespace(), "dpp_args.noise_multiplier=1", Homes));

        var message = Assert.Single(e.Problems).Message;
        Assert.Contains("dp_args", message, StringComparison.Ordinal);
        Assert.Contains("did you mean 'dp_args'?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyOverride_BareKeyInTwoSections_SetsBoth()
    {
        var ns = ConfigReader.Parse("attack_args:\n  byzantine_client_num: 1\ndefense_args:\n  byzantine_client_num: 1\n", "x.yaml");

        ConfigReader.ApplyOverride(ns, "byzantine_client_num=2", Homes);

        Assert.Equal(2, ns.Entries.Count);
        Assert.All(ns.Entries, entry => Assert.Equal("2", entry.Value));
        Assert.All(ns.Entries, entry => Assert.Equal(ConfigReader.OverrideSource, entry.Source));
    }

    [Theory]
    [InlineData("comm_round")]
    [InlineData("=3")]
    [InlineData("train_args.=3")]
    public void ApplyOverride_NotAnAssignment_Throws(string assignment)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.ApplyOverride(new ConfigNamespace(), assignment, Homes));

        Assert.Contains("not an assignment", Assert.Single(e.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ApplyOverride_InvalidYamlValue_ThrowsNamingTheKey()
    {
        var e = Assert.Throws<ConfigException>(() => ConfigReader.ApplyOverride(new ConfigNamespace(), "defense_type=[a, b", Homes));

        Assert.Equal("defense_args.defense_type", Assert.Single(e.Problems).Key);
    }
}
