using System.Globalization;
using FedSec.Data.Npy;
using FedSec.Interop;

namespace FedSec.Cli.Commands.Aggregate;

/// <summary>Reads and checks the NumPy files of <c>fedsec aggregate</c> into a request for <see cref="OfflineAggregation"/>.</summary>
internal static class AggregateInputs
{
    /// <summary>The request: the models of <c>--input</c>, the global model and weights when given, the defenses and parameters.</summary>
    /// <exception cref="NpyFormatException">A file is malformed, or the global model or the weights do not fit the models.</exception>
    public static OfflineAggregationRequest Read(AggregateSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string input = settings.Input ?? throw new ArgumentException("--input is required.", nameof(settings));
        var models = NpyFile.ReadFloat32Matrix(input);
        return new OfflineAggregationRequest
        {
            Defenses = settings.Defenses,
            Parameters = settings.Parameters,
            Models = models,
            Global = settings.Global is { } g ? ReadGlobal(g, input, models[0].Length) : null,
            Weights = settings.Weights is { } w ? ReadWeights(w, input, models.Length) : null,
            Seed = settings.Seed,
        };
    }

    private static float[] ReadGlobal(string path, string input, int d)
    {
        var global = NpyFile.ReadFloat32Vector(path);
        return global.Length == d
            ? global
            : throw new NpyFormatException(path, $"{path} holds {global.Length} values, but the models in {input} have d = {d}; the global model must have the same length.");
    }

    private static double[] ReadWeights(string path, string input, int n)
    {
        var w = NpyFile.ReadFloat32Vector(path);
        if (w.Length != n)
        {
            throw new NpyFormatException(path, $"{path} holds {w.Length} weights, but {input} has n = {n} clients; give one weight per client.");
        }

        int negative = Array.FindIndex(w, x => x < 0);
        if (negative >= 0)
        {
            throw new NpyFormatException(path, $"{path} gives client {negative} the weight {w[negative].ToString(CultureInfo.InvariantCulture)}; weights must be non-negative.");
        }

        return w.Sum() > 0
            ? w.Select(x => (double)x).ToArray()
            : throw new NpyFormatException(path, $"{path}: the weights sum to zero; at least one client needs a positive weight.");
    }
}
