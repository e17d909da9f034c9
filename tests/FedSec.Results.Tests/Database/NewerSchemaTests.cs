using FedSec.Results.Database;
using Microsoft.Data.Sqlite;

namespace FedSec.Results.Tests.Database;

/// <summary>
/// A database written by a newer fedsec (a higher <c>user_version</c> than this one's schema) is refused by every way
/// of opening it, with the file and both versions named, and is left byte for byte as it was.
/// </summary>
public sealed class NewerSchemaTests
{
    [Fact]
    public void Open_DatabaseOfANewerSchema_RefusedNamingFileAndVersions_AndLeftByteForByte()
    {
        using var tmp = new TempDirectory();
        string path = NewerDatabase(tmp);
        byte[] before = File.ReadAllBytes(path);

        var e = Assert.Throws<InvalidDataException>(() => ResultsDatabase.Open(path));

        AssertNamesFileAndVersions(e, path);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal("delete", SqlProbe.Value(path, "PRAGMA journal_mode;"));
    }

    [Fact]
    public void ReadSnapshotAndOpenCopy_DatabaseOfANewerSchema_RefusedNamingFileAndVersions_AndLeftByteForByte()
    {
        using var tmp = new TempDirectory();
        string path = NewerDatabase(tmp);
        byte[] before = File.ReadAllBytes(path);

        AssertNamesFileAndVersions(Assert.Throws<InvalidDataException>(() => ResultsDatabase.ReadSnapshot(path)), path);
        AssertNamesFileAndVersions(Assert.Throws<InvalidDataException>(() => ResultsDatabase.OpenCopy(path)), path);

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["results.db"], Directory.GetFiles(tmp.Path).Select(Path.GetFileName));
    }

    private static string NewerDatabase(TempDirectory tmp)
    {
        string path = tmp.File(ResultsDatabase.FileName);
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"CREATE TABLE future (x INTEGER); PRAGMA user_version={DatabaseSchema.Version + 1};";
        command.ExecuteNonQuery();
        return path;
    }

    private static void AssertNamesFileAndVersions(InvalidDataException e, string path)
    {
        Assert.Contains(Path.GetFullPath(path), e.Message, StringComparison.Ordinal);
        Assert.Contains($"schema version {DatabaseSchema.Version + 1}", e.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {DatabaseSchema.Version}", e.Message, StringComparison.Ordinal);
    }
}
