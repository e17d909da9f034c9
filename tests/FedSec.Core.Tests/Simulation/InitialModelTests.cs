using FedSec.Setup;
using FedSec.Data.Npy;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public sealed class InitialModelTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("fedsec-initial-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ExperimentConfig Config(int rounds = 1) => new() { ClientNumInTotal = 3, ClientNumPerRound = 3, CommRound = rounds, RandomSeed = 2 };

    private static ExperimentData Data() =>
        new(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(5 + i, i)).ToArray(), FakeBackend.Data(7, 0));

    [Fact]
    public void Run_InitialGlobalSet_EveryClientOfRoundZeroStartsFromIt()
    {
        var backend = new GlobalRecordingBackend();
        var experiment = new Experiment(TestSetup.Of(Config(), null), backend, Data())
        {
            InitialGlobal = new[] { 0.5f, -1f, 2f, 7f },
        };
        experiment.Run();
        Assert.Equal(3, backend.TrainedFrom.Count);
        Assert.All(backend.TrainedFrom, g => Assert.Equal(new[] { 0.5f, -1f, 2f, 7f }, g));
    }

    [Fact]
    public void Run_SavedFinalModelAsInitialModel_SecondRunStartsWhereTheFirstEnded()
    {
        var first = new Experiment(TestSetup.Of(Config(rounds: 2), null), new FakeBackend(), Data()).Run();
        string path = Path.Combine(_dir, "final_model.npy");
        NpyFile.Write(path, first.FinalGlobal, first.FinalGlobal.Length);

        var backend = new GlobalRecordingBackend();
        var second = new Experiment(TestSetup.Of(Config(), null), backend, Data())
        {
            InitialGlobal = InitialModelFile.Load(path, backend.Layout, "fake"),
        };
        second.Run();
        Assert.Equal(first.FinalGlobal, backend.TrainedFrom[0]);
    }

    [Fact]
    public void InitialGlobal_WrongLength_Throws()
    {
        var experiment = new Experiment(TestSetup.Of(Config(), null), new FakeBackend(), Data());
        Assert.ThrowsAny<ArgumentException>(() => experiment.InitialGlobal = new float[5]);
    }

    [Fact]
    public void Load_MissingFile_NamesKeyAndFile()
    {
        string path = Path.Combine(_dir, "nope.npy");
        var e = Assert.Throws<ConfigException>(() => InitialModelFile.Load(path, Fixtures.FlatLayout(4), "cnn"));
        Assert.Equal("model_args.initial_model", Assert.Single(e.Problems).Key);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_OtherModelsLength_NamesBothLengths()
    {
        string path = Path.Combine(_dir, "short.npy");
        NpyFile.Write(path, new float[3], 3);
        var e = Assert.Throws<ConfigException>(() => InitialModelFile.Load(path, Fixtures.FlatLayout(4), "cnn"));
        Assert.Contains("3 values", e.Message, StringComparison.Ordinal);
        Assert.Contains("'cnn' has 4", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NonFiniteValue_NamesKeyAndIndex()
    {
        string path = Path.Combine(_dir, "nan.npy");
        NpyFile.Write(path, new[] { 1f, float.NaN, 0f, 0f }, 4);
        var e = Assert.Throws<ConfigException>(() => InitialModelFile.Load(path, Fixtures.FlatLayout(4), "cnn"));
        Assert.Equal("model_args.initial_model", Assert.Single(e.Problems).Key);
        Assert.Contains("index 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NotANpyFile_NamesKey()
    {
        string path = Path.Combine(_dir, "text.npy");
        File.WriteAllText(path, "not numpy");
        var e = Assert.Throws<ConfigException>(() => InitialModelFile.Load(path, Fixtures.FlatLayout(4), "cnn"));
        Assert.Equal("model_args.initial_model", Assert.Single(e.Problems).Key);
    }
}
