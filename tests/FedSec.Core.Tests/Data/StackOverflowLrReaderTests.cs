using FedSec.Configuration;
using FedSec.Data;
using FedSec.Data.StackOverflow;
using static FedSec.Testing.StackOverflowWriter;

namespace FedSec.Core.Tests.Data;

/// <summary>TFF's StackOverflow h5 and count files turned into FedML's stackoverflow_lr bag of words and tags.</summary>
public sealed class StackOverflowLrReaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private StackOverflowDictionaries SmallDictionaries(int words = 4, int tags = 3)
    {
        WriteCounts(_dir.Path, ["the", "a", "c#", "java", "python"], ["c#", "java", ".net", "sql"]);
        return StackOverflowDictionaries.Read(_dir.Path, words, tags);
    }

    [Fact]
    public void Dictionaries_TakeTheFirstWordsAndTheFirstTagsInFileOrder()
    {
        var d = SmallDictionaries(4, 3);

        Assert.Equal(["the", "a", "c#", "java"], d.Words);
        Assert.Equal(["c#", "java", ".net"], d.Tags);
        Assert.Equal(2, d.WordIndex["c#"]);
    }

    [Fact]
    public void BagOfWords_HandComputed_CountsOverAllTokensIncludingUnknownAndEmptyOnes()
    {
        var d = SmallDictionaries();
        var bag = new float[4];

        // "the the c# foo" + " " + "" → 5 tokens: the ×2, c# ×1, foo (unknown), "" (unknown).
        StackOverflowLrReader.BagOfWords("the the c# foo" + " " + string.Empty, d, bag);

        Assert.Equal([2f / 5, 0f, 1f / 5, 0f], bag);
        Assert.Equal(1f, bag.Sum() + (2f / 5), 6); // the unknown tokens' share is what is missing
    }

    [Fact]
    public void TagVector_HandComputed_MultiHotWithoutUnknownTagsAndFirstKnownAsLabel()
    {
        var d = SmallDictionaries();
        var target = new float[3];

        int label = StackOverflowLrReader.TagVector("sql|java|c#|java", d, target);

        Assert.Equal([1f, 2f, 0f], target); // a repeated tag counts twice, as FedML's np.sum of one-hot rows does
        Assert.Equal(1, label);
    }

    [Fact]
    public void Read_UsersInNameOrder_BagsOfTokensPlusTitleAndTheirTags()
    {
        var d = SmallDictionaries();
        string path = _dir.File("train.h5");
        Write(path, new User("02", ["java java"], ["a"], ["java"]), new User("01", ["the", "c#"], ["the", "x"], ["c#|.net", "sql"]));

        var read = StackOverflowLrReader.Read(path, d);

        Assert.Equal(["01", "02"], read.Clients.Names);
        Assert.Equal([[0, 1], [2]], read.Clients.Indices);
        Assert.Equal((1, 1, 4, 3), (read.Images.Channels, read.Images.Height, read.Images.Width, read.Images.ClassCount));
        Assert.Equal([1f, 0f, 0f, 0f], read.Images.Image(0).ToArray()); // "the the"
        Assert.Equal([0f, 0f, 0.5f, 0f], read.Images.Image(1).ToArray()); // "c# x"
        Assert.Equal([0f, 1f / 3, 0f, 2f / 3], read.Images.Image(2).ToArray()); // "java java a"
        Assert.Equal([1f, 0f, 1f, 0f, 0f, 0f, 0f, 1f, 0f], read.Images.Targets!);
        Assert.Equal([0, 0, 1], read.Images.Labels);
    }

    [Fact]
    public void Read_FileWrittenByH5py_ReadsVariableAndFixedLengthStringsInNameOrder()
    {
        // Fixtures/h5py_stackoverflow.h5 comes from Fixtures/make_h5py_stackoverflow.py (h5py, as TFF writes these files):
        // user 00000001 with variable-length ASCII tokens, UTF-8 titles and null-padded fixed-length tags; user 00000002
        // with variable-length bytes; TFF's other fields beside them.
        var d = SmallDictionaries();
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", "h5py_stackoverflow.h5");

        var read = StackOverflowLrReader.Read(path, d);

        Assert.Equal(["00000001", "00000002"], read.Clients.Names);
        Assert.Equal([1f / 5, 1f / 5, 2f / 5, 0f], read.Images.Image(0).ToArray()); // "the c# a c# question"
        Assert.Equal([1f / 2, 0f, 0f, 0f], read.Images.Image(1).ToArray()); // "unknown the"
        Assert.Equal([0f, 1f / 3, 0f, 2f / 3], read.Images.Image(2).ToArray()); // "java java a"
        Assert.Equal([1f / 2, 0f, 1f / 2, 0f], read.Images.Image(3).ToArray()); // "the c#"
        Assert.Equal([1f, 1f, 0f, /* */ 0f, 0f, 1f, /* */ 0f, 1f, 0f, /* */ 1f, 0f, 0f], read.Images.Targets!);
    }

    [Fact]
    public void Read_PostsWithoutTitles_NamesFileAndUser()
    {
        var d = SmallDictionaries();
        string path = _dir.File("train.h5");
        Write(path, new User("01", ["the", "a"], ["t"], ["c#", "c#"]));

        var e = Assert.Throws<DataFormatException>(() => StackOverflowLrReader.Read(path, d));

        Assert.Equal(path, e.Path);
        Assert.Contains("user '01' has 2 tokens, 1 titles and 2 tags", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_TruncatedH5_NamesTheFile()
    {
        var d = SmallDictionaries();
        string path = _dir.File("train.h5");
        Write(path, new User("01", ["the"], ["t"], ["c#"]));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 3)]);

        var e = Assert.Throws<DataFormatException>(() => StackOverflowLrReader.Read(path, d));

        Assert.Equal(path, e.Path);
    }

    [Fact]
    public void Dictionaries_TooFewWordsOrBrokenTagJson_NameTheFile()
    {
        WriteCounts(_dir.Path, ["the", "a"], ["c#"]);

        var words = Assert.Throws<DataFormatException>(() => StackOverflowDictionaries.Read(_dir.Path, 3, 1));
        File.WriteAllText(_dir.File("stackoverflow.tag_count"), "{\"c#\": 3, ");
        var tags = Assert.Throws<DataFormatException>(() => StackOverflowDictionaries.Read(_dir.Path, 2, 1));

        Assert.Equal(_dir.File("stackoverflow.word_count"), words.Path);
        Assert.Contains("holds 2 words; FedML's stackoverflow_lr takes the first 3", words.Message, StringComparison.Ordinal);
        Assert.Equal(_dir.File("stackoverflow.tag_count"), tags.Path);
    }

    [Fact]
    public async Task LoadAsync_FedMLsDirectory_TakesTheFirstUsersOfTrainAndTestWith10000Words500Tags()
    {
        WriteSplit(Path.Combine(_dir.Path, "stackoverflow"), userCount: 3, perUser: 2);

        var split = await DatasetCatalog.LoadAsync("stackoverflow_lr", _dir.Path, clientCount: 2);

        Assert.Equal(["00000000", "00000001"], split.TrainClients!.Names);
        Assert.Equal(4, split.Train.Count);
        Assert.Equal(2, split.Test.Count);
        Assert.Equal((10_000, 500), (split.Train.Width, split.Train.ClassCount));
        Assert.True(split.Info.MultiLabel);
        Assert.Equal(500 * 4, split.Train.Targets!.Length);
    }

    [Fact]
    public async Task LoadAsync_MoreClientsThanUsers_NamesTheKey()
    {
        WriteSplit(Path.Combine(_dir.Path, "stackoverflow"), userCount: 2);

        var e = await Assert.ThrowsAsync<ConfigException>(() => DatasetCatalog.LoadAsync("stackoverflow_lr", _dir.Path, clientCount: 3));

        Assert.Equal("train_args.client_num_in_total", Assert.Single(e.Problems).Key);
    }

    [Fact]
    public async Task LoadAsync_Missing_NamesTheFourFilesWhereToPutThemAndTheArchivesWithTheirHashes()
    {
        var e = await Assert.ThrowsAsync<FileNotFoundException>(() => DatasetCatalog.LoadAsync("stackoverflow_lr", _dir.Path));

        foreach (string file in new[] { "stackoverflow_train.h5", "stackoverflow_test.h5", "stackoverflow.word_count", "stackoverflow.tag_count" })
        {
            Assert.Contains(file, e.Message, StringComparison.Ordinal);
        }

        Assert.Contains(Path.Combine(_dir.Path, "stackoverflow"), e.Message, StringComparison.Ordinal);
        Assert.Contains("99eca2f8b8327a09e5fc123979df2d237acbc5e52322f6d86bf523ee47b961a2", e.Message, StringComparison.Ordinal);
        Assert.Contains("https://storage.googleapis.com/tff-datasets-public/stackoverflow.tag_count.tar.bz2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Subset_CarriesTheTargets()
    {
        var set = new ImageSet([1, 2, 3], [0, 1, 1], 1, 1, 1, 2).WithTargets([1, 0, 0, 1, 1, 1]);

        var subset = set.Subset([2, 0]);

        Assert.Equal([1f, 1f, 1f, 0f], subset.Targets!);
        Assert.Equal(set.Targets, set.Clone().Targets);
        Assert.NotSame(set.Targets, set.Clone().Targets);
    }

    [Theory]
    [InlineData("fuzz_stackoverflow_declared_dims.h5", "of shape [")]
    [InlineData("fuzz_stackoverflow_heap_length.h5", "more memory than this process has")]
    public void Read_AflInputDeclaringAHugeObject_IsADataFormatErrorNamingTheFile(string fixture, string expected)
    {
        // afl's inputs (fuzz/README.md, target stackoverflow): a dataspace declaring billions of strings, and a
        // variable-length string whose global-heap length is far beyond the file; both took the fuzzing harness down
        // with OutOfMemoryException (PureHDF allocates what the file declares before reading it).
        string path = _dir.File("train.h5");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", fixture), path);

        var e = Assert.Throws<DataFormatException>(() => StackOverflowLrReader.Read(path, SmallDictionaries()));

        Assert.Equal(path, e.Path);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }
}
