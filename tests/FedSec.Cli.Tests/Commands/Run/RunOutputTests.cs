using System.Text.Json;
using FedSec.Cli.Commands.Run;
using FedSec.Configuration;
using FedSec.Data.Npy;
using FedSec.Parameters;
using FedSec.Simulation;

namespace FedSec.Cli.Tests.Commands.Run;

public sealed class RunOutputTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void DefaultDirectory_LocalTime_RunsSlashItsTimestamp() =>
        Assert.Equal(Path.Combine("runs", "20250102-030405"), RunOutput.DefaultDirectory(new DateTime(2025, 1, 2, 3, 4, 5, DateTimeKind.Local)));

    [Fact]
    public void Constructor_NewDirectory_CreatesIt()
    {
        var output = new RunOutput(_dir.File(Path.Combine("a", "b")));

        Assert.True(Directory.Exists(output.Directory));
    }

    [Fact]
    public void WriteSummary_AResult_WholeSummaryJsonAndNoPartialFileLeft()
    {
        var output = new RunOutput(_dir.Path);

        var summary = output.WriteSummary(new ExperimentConfig { CommRound = 1 }, Result());

        Assert.Equal([RunOutput.SummaryFile], _dir.AllFiles());
        using var json = JsonDocument.Parse(File.ReadAllText(_dir.File(RunOutput.SummaryFile)));
        Assert.Equal(0.75, json.RootElement.GetProperty("final_accuracy").GetDouble());
        Assert.Equal(0.75, summary.FinalAccuracy);
    }

    [Fact]
    public void WriteModel_FinalGlobal_AFloat32VectorOfItsValues()
    {
        new RunOutput(_dir.Path).WriteModel([1.5f, -2f]);

        Assert.Equal([1.5f, -2f], NpyFile.ReadFloat32Vector(_dir.File(RunOutput.ModelFile)));
    }

    [Fact]
    public void FileList_SavedModel_NamesTheModelFileToo()
    {
        Assert.Equal("rounds.jsonl, summary.json, config.yaml", RunOutput.FileList(savedModel: false));
        Assert.Equal("rounds.jsonl, summary.json, config.yaml, final_model.npy", RunOutput.FileList(savedModel: true));
    }

    public void Dispose() => _dir.Dispose();

    private static ExperimentResult Result() => new(
        [new RoundRecord { Round = 0, Accuracy = 0.75, Loss = 0.5, Sampled = [0], Attacked = [] }],
        [1f, 2f],
        new ParameterLayout([("w", (IReadOnlyList<long>)[2L], ParameterKind.Trainable)]),
        []);
}
