using FedSec.Cli.Commands.Aggregate;
using FedSec.Data.Npy;

namespace FedSec.Cli.Tests.Commands.Aggregate;

public sealed class AggregateInputsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    [Fact]
    public void Read_AllFiles_RequestCarriesModelsGlobalWeightsDefensesAndSeed()
    {
        var settings = Settings(global: Vector("g.npy", 0.5f, 0.5f), weights: Vector("w.npy", 1, 2, 3));

        var request = AggregateInputs.Read(settings);

        Assert.Equal(3, request.Models.Count);
        Assert.Equal([2f, 2f], request.Models[1]);
        Assert.Equal([0.5f, 0.5f], request.Global!);
        Assert.Equal([1.0, 2.0, 3.0], request.Weights);
        Assert.Equal(["wise_median"], request.Defenses);
        Assert.Equal(9, request.Seed);
    }

    [Fact]
    public void Read_GlobalOfAnotherLength_ThrowsNamingBothFilesAndD()
    {
        string global = Vector("g.npy", 1, 2, 3);

        var e = Assert.Throws<NpyFormatException>(() => AggregateInputs.Read(Settings(global: global)));

        Assert.Contains($"{global} holds 3 values, but the models in {_dir.File("u.npy")} have d = 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_WeightsForAnotherClientCount_ThrowsNamingN()
    {
        var e = Assert.Throws<NpyFormatException>(() => AggregateInputs.Read(Settings(weights: Vector("w.npy", 1, 1))));

        Assert.Contains("holds 2 weights, but", e.Message, StringComparison.Ordinal);
        Assert.Contains("n = 3 clients", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NegativeWeight_ThrowsNamingTheClient()
    {
        var e = Assert.Throws<NpyFormatException>(() => AggregateInputs.Read(Settings(weights: Vector("w.npy", 1, -2, 1))));

        Assert.Contains("gives client 1 the weight -2; weights must be non-negative", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AllWeightsZero_Throws()
    {
        var e = Assert.Throws<NpyFormatException>(() => AggregateInputs.Read(Settings(weights: Vector("w.npy", 0, 0, 0))));

        Assert.Contains("the weights sum to zero", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private AggregateSettings Settings(string? global = null, string? weights = null)
    {
        string input = _dir.File("u.npy");
        NpyFile.Write(input, [1f, 1f, 2f, 2f, 3f, 3f], 3, 2);
        return new AggregateSettings { Defenses = ["wise_median"], Input = input, Output = _dir.File("r.npy"), Global = global, Weights = weights, SeedText = "9" };
    }

    private string Vector(string name, params float[] values)
    {
        string path = _dir.File(name);
        NpyFile.Write(path, values, values.Length);
        return path;
    }
}
