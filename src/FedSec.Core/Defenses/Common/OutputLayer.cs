using FedSec.Parameters;

namespace FedSec.Defenses.Common;

/// <summary>
/// The model's output layer in a flat layout: the last trainable matrix [classes × features] followed, among the
/// trainable entries, by its bias [classes]. DeepSight reads the output layer's update from it.
/// </summary>
/// <param name="Weight">The weight matrix's entry.</param>
/// <param name="Bias">The bias's entry.</param>
public sealed record OutputLayer(ParameterEntry Weight, ParameterEntry Bias)
{
    /// <summary>Number of output neurons.</summary>
    public int Classes => (int)Bias.Shape[0];

    /// <summary>Inputs of each output neuron.</summary>
    public int Features => (int)Weight.Shape[1];

    /// <summary>The output layer of <paramref name="layout"/> for <paramref name="classes"/> outputs, or null when it has none.</summary>
    public static OutputLayer? Find(ParameterLayout layout, int classes)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var trainable = layout.Entries.Where(e => e.Kind == ParameterKind.Trainable).ToArray();
        for (int i = trainable.Length - 1; i >= 1; i--)
        {
            var bias = trainable[i];
            var weight = trainable[i - 1];
            if (bias.Shape.Count == 1 && bias.Shape[0] == classes && weight.Shape.Count == 2 && weight.Shape[0] == classes)
            {
                return new OutputLayer(weight, bias);
            }
        }

        return null;
    }
}
