using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.Leaf;
using static FedSec.Testing.ShakespeareWriter;

namespace FedSec.Core.Tests.Data;

/// <summary>LEAF's Shakespeare JSON read as FedML's data/shakespeare loader reads it.</summary>
public sealed class ShakespeareReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Vocabulary_IsFedMLs86CharactersAnd90Symbols()
    {
        Assert.Equal(86, ShakespeareVocabulary.Characters.Length);
        Assert.Equal(86, ShakespeareVocabulary.Characters.Distinct().Count());
        Assert.Equal(90, ShakespeareVocabulary.Size);
        Assert.Equal(0, ShakespeareVocabulary.IndexOf('d'));
        Assert.Equal(13, ShakespeareVocabulary.IndexOf(' '));
        Assert.Equal(64, ShakespeareVocabulary.IndexOf('e'));
        Assert.Equal(85, ShakespeareVocabulary.IndexOf('\r'));
        Assert.Equal(-1, ShakespeareVocabulary.IndexOf('~'));
    }

    [Fact]
    public void Read_UsersOfSeveralFiles_InNameOrderWithTheirCharacterIndices()
    {
        string x0 = new('d', 79), x1 = new('h', 80);
        Write(_dir.File("train/b.json"), new User("zeta", [x1], ["e"]), new User("alpha", [x0 + "h", x1], ["d", " "]));
        Write(_dir.File("train/a.json"), new User("Mid", [x0 + "e"], ["\n"]));

        var read = ShakespeareReader.Read(_dir.File("train"));

        Assert.Equal(["Mid", "alpha", "zeta"], read.Clients.Names); // ordinal: upper case first, as Python's sorted
        Assert.Equal([[0], [1, 2], [3]], read.Clients.Indices);
        Assert.Equal((1, 1, 80, 90), (read.Images.Channels, read.Images.Height, read.Images.Width, read.Images.ClassCount));
        Assert.Equal([ShakespeareVocabulary.IndexOf('\n'), 0, 13, 64], read.Images.Labels);
        Assert.Equal(0f, read.Images.Image(0)[0]);
        Assert.Equal(64f, read.Images.Image(0)[79]); // 'e'
        Assert.Equal(1f, read.Images.Image(1)[79]); // 'h'
        Assert.All(read.Images.Image(3).ToArray(), v => Assert.Equal(1f, v));
    }

    [Fact]
    public void Read_NamedUsers_ReadsOnlyThose()
    {
        Write(_dir.File("train/a.json"), new User("a", [Sequence(0)], ["d"]), new User("b", [Sequence(1), Sequence(2)], ["h", "l"]));

        var read = ShakespeareReader.Read(_dir.File("train"), ["b"]);

        Assert.Equal(2, read.Images.Count);
        Assert.Equal([1, 2], read.Images.Labels);
    }

    [Fact]
    public void Read_TruncatedJson_NamesTheFile()
    {
        string path = _dir.File("train/a.json");
        Write(path, new User("a", [Sequence(0)], ["d"]));
        string text = File.ReadAllText(path);
        File.WriteAllText(path, text[..(text.Length / 2)]);

        var e = Assert.Throws<DataFormatException>(() => ShakespeareReader.Read(_dir.File("train")));

        Assert.Equal(path, e.Path);
        Assert.Contains("not valid JSON", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8InAnInput_NamesFileUserAndKey()
    {
        // A regression input of the shakespeare fuzz target (afl, 2026-12-03): byte 0x9A inside an "x" string escaped as
        // System.Text.Json's InvalidOperationException when the string was transcoded.
        string path = _dir.File("train/a.json");
        var bytes = "{\"users\": [\"O\"], \"user_data\": {\"O\": {\"x\": [\"ab"u8.ToArray()
            .Concat(new byte[] { 0x9A })
            .Concat("c\"], \"y\": [\"d\"]}}}"u8.ToArray()).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<DataFormatException>(() => ShakespeareReader.Read(_dir.File("train")));

        Assert.Equal(path, e.Path);
        Assert.Contains("user 'O' has a string in 'x' that is not valid UTF-8 text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_InvalidUtf8InAUserName_NamesTheFile()
    {
        string path = _dir.File("train/a.json");
        var bytes = "{\"user_data\": {\""u8.ToArray()
            .Concat(new byte[] { 0xCF })
            .Concat("\": {\"x\": [], \"y\": []}}}"u8.ToArray()).ToArray();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<DataFormatException>(() => ShakespeareReader.Read(_dir.File("train")));

        Assert.Equal(path, e.Path);
        Assert.Contains("user name in 'user_data' is not valid UTF-8 text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UserWithMoreInputsThanLabels_NamesFileUserAndCounts()
    {
        string path = _dir.File("train/a.json");
        Write(path, new User("ROMEO", [Sequence(0), Sequence(1)], ["d"]));

        var e = Assert.Throws<DataFormatException>(() => ShakespeareReader.Read(_dir.File("train")));

        Assert.Equal(path, e.Path);
        Assert.Contains("user 'ROMEO' has 2 inputs (x) but 1 labels (y)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CharacterOutsideTheVocabulary_NamesUserSampleAndCharacter()
    {
        string path = _dir.File("train/a.json");
        Write(path, new User("a", [Sequence(0), Sequence(1)[..79] + "~"], ["d", "d"]));

        var e = Assert.Throws<DataFormatException>(() => ShakespeareReader.Read(_dir.File("train")));

        Assert.Contains("user 'a' sample 1: its input holds the character '~'", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(79, "d", "its input has 79 characters")]
    [InlineData(80, "dh", "its label \"dh\" is not one character")]
    [InlineData(80, "\t", "its label holds the character '\\t'")]
    public void Read_BadSample_SaysWhatIsWrong(int length, string label, string expected)
    {
        Write(_dir.File("train/a.json"), new User("a", [Sequence(0)[..length]], [label]));

        var e = Assert.Throws<DataFormatException>(() => ShakespeareReader.Read(_dir.File("train")));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_JsonWithoutUserData_SaysWhatLeafsFilesHold()
    {
        File.WriteAllText(_dir.File("a.json"), "{\"users\": []}");

        var e = Assert.Throws<DataFormatException>(() => ShakespeareReader.Read(_dir.Path));

        Assert.Contains("no 'user_data' object", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_ClientCount_TakesTheFirstUsersAndEveryTestUser()
    {
        WriteSplit(Path.Combine(_dir.Path, "shakespeare"), userCount: 4, perUser: 3);

        var split = await DatasetCatalog.LoadAsync("shakespeare", _dir.Path, clientCount: 2);

        Assert.Equal(["u00", "u01"], split.TrainClients!.Names);
        Assert.Equal(6, split.Train.Count);
        Assert.Equal(4, split.Test.Count);
        Assert.Equal("shakespeare", split.Info.Name);
    }

    [Fact]
    public async Task LoadAsync_MoreClientsThanUsers_NamesTheKeyAndTheDirectory()
    {
        WriteSplit(Path.Combine(_dir.Path, "shakespeare"), userCount: 3);

        var e = await Assert.ThrowsAsync<ConfigException>(() => DatasetCatalog.LoadAsync("shakespeare", _dir.Path, clientCount: 4));

        var problem = Assert.Single(e.Problems);
        Assert.Equal("train_args.client_num_in_total", problem.Key);
        Assert.Contains("holds 3 users", problem.Message, StringComparison.Ordinal);
        Assert.Contains("use at most 3", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_Missing_NamesTheFoldersWhereToPutThemAndWhereTheyComeFrom()
    {
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => DatasetCatalog.LoadAsync("shakespeare", _dir.Path));

        Assert.Contains(Path.Combine(_dir.Path, "shakespeare", "train"), e.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_dir.Path, "shakespeare", "test"), e.Message, StringComparison.Ordinal);
        Assert.Contains("all_data_niid_2_keep_0_train_8.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("TalwalkarLab/leaf", e.Message, StringComparison.Ordinal);
        Assert.False(DatasetCatalog.FetchesImplicitly("shakespeare"));
    }
}
