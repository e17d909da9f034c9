using FedSec.Data.Npy;
using FedSec.Configuration;
using FedSec.Parameters;

namespace FedSec.Simulation;

/// <summary>Reads <c>model_args.initial_model</c>: a .npy vector of the model's weights to start the global model from.</summary>
public static class InitialModelFile
{
    /// <summary>The qualified key errors name.</summary>
    public const string Key = "model_args.initial_model";

    /// <summary>The weights in <paramref name="path"/>, checked against <paramref name="layout"/>.</summary>
    /// <exception cref="ConfigException">The file is missing, unreadable, not a finite float vector, or of another length; the message names the key and the file.</exception>
    public static float[] Load(string path, ParameterLayout layout, string model)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(layout);
        if (!File.Exists(path))
        {
            throw new ConfigException(Key, $"the file '{path}' does not exist; give a .npy vector of the model's weights, e.g. the final_model.npy that `fedsec run --save-model` writes.");
        }

        float[] weights;
        try
        {
            weights = NpyFile.ReadFloat32Vector(path);
        }
        catch (NpyFormatException e)
        {
            throw new ConfigException(Key, $"'{path}' is not a usable weight vector: {e.Message}");
        }
        catch (IOException e)
        {
            throw new ConfigException(Key, $"'{path}' cannot be read: {e.Message}");
        }

        if (weights.Length != layout.Length)
        {
            throw new ConfigException(Key, $"'{path}' holds {weights.Length:N0} values, but the model '{model}' has {layout.Length:N0} ({layout}); it must come from the same model on the same data shape.");
        }

        return weights;
    }
}
