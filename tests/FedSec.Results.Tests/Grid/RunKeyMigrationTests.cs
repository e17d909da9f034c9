using FedSec.Configuration;
using FedSec.Results.Database;
using FedSec.Results.Grid;
using FedSec.Results.Tests.Database;

namespace FedSec.Results.Tests.Grid;

public sealed class RunKeyMigrationTests : IDisposable
{
    private const string ConfigA = "common_args:\n  random_seed: 0\ntrain_args:\n  comm_round: 2\n";
    private const string ConfigB = "common_args:\n  random_seed: 1\ntrain_args:\n  comm_round: 2\n  batch_size: 32\n";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Apply_DatabaseOfSchemeOne_MovesRunsToTheKeysOfTheirStoredConfigsAndStampsTheScheme()
    {
        using var db = ResultsDatabase.Open(_dir.File(ResultsDatabase.FileName));
        Store(db, "0000000000000001", ConfigA);
        Store(db, "0000000000000002", ConfigB);
        Assert.Equal(1, RunKeyMigration.SchemeOf(db));

        var dryRun = RunKeyMigration.FinishedKeys(db, TestKeys.Bind);
        var outcome = RunKeyMigration.Apply(db, TestKeys.Bind);

        string a = TestKeys.Of(ConfigReader.Parse(ConfigA, "a")), b = TestKeys.Of(ConfigReader.Parse(ConfigB, "b"));
        Assert.NotNull(outcome);
        Assert.Equal((1, 2, 0), (outcome.FromScheme, outcome.Moved, outcome.Duplicates));
        Assert.Empty(outcome.Unbound);
        Assert.Equal(new HashSet<string> { a, b }, db.FinishedRunKeys());
        Assert.Equal(db.FinishedRunKeys(), dryRun);
        Assert.Equal(RunKey.Scheme, RunKeyMigration.SchemeOf(db));
        Assert.Null(RunKeyMigration.Apply(db, TestKeys.Bind));
    }

    [Fact]
    public void Apply_StoredConfigThatNoLongerBinds_KeepsItsKeyAndSaysSo()
    {
        using var db = ResultsDatabase.Open(_dir.File(ResultsDatabase.FileName));
        Store(db, "0000000000000001", "train_args:\n  comm_round: zero\n");

        var outcome = RunKeyMigration.Apply(db, TestKeys.Bind);

        Assert.Equal(["0000000000000001"], outcome!.Unbound);
        Assert.Equal(["0000000000000001"], db.FinishedRunKeys());
    }

    [Fact]
    public void Apply_NewEmptyDatabase_StampsTheCurrentScheme()
    {
        using var db = ResultsDatabase.Open(_dir.File(ResultsDatabase.FileName));

        Assert.Null(RunKeyMigration.Apply(db, TestKeys.Bind));
        Assert.Equal(RunKey.Scheme, RunKeyMigration.SchemeOf(db));
    }

    private void Store(ResultsDatabase db, string key, string yaml)
    {
        string runDir = Path.Combine(_dir.Path, "runs", key);
        RunDirectoryWriter.Write(runDir, RunDirectoryWriter.Summary(1, 0.9), [RunDirectoryWriter.Round(0, 0.9)]);
        var axes = new Dictionary<string, string> { ["attack"] = "none", ["defense"] = "none", ["seed"] = "0" };
        db.Ingest(new GridRun(key, key, axes, 0, yaml), runDir, 1);
    }
}
