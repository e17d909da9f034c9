using FedSec.Parameters;

namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// The layers 3DFed works on, found in the model's layout as the authors name them for their models: the output layer
/// (the last two-dimensional trainable weight, rows = classes, with its bias when the next trainable tensor is one row
/// per class), which carries the noise masks and the decoy parameters; and the indicator layer, the last convolution
/// weight (four dimensions; <c>conv2.weight</c> of their MNIST net, <c>layer4.1.conv2.weight</c> of ResNet-18), else
/// the two-dimensional weight before the output layer, else the output weight itself.
/// </summary>
internal sealed record ThreeDFedLayers(ParameterEntry OutputWeight, ParameterEntry? OutputBias, ParameterEntry Indicator, IReadOnlyList<ParameterEntry> AllTrainable)
{
    /// <summary>The classes (rows of the output weight).</summary>
    public int Classes => (int)OutputWeight.Shape[0];

    /// <summary>Weights per output row.</summary>
    public int RowWidth => OutputWeight.Length / Classes;

    /// <summary>The layers of <paramref name="layout"/>.</summary>
    /// <exception cref="InvalidOperationException">The model has no two-dimensional trainable weight.</exception>
    public static ThreeDFedLayers Of(ParameterLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var trainable = layout.Entries.Where(e => e.Kind == ParameterKind.Trainable).ToList();
        int output = trainable.FindLastIndex(e => e.Shape.Count == 2);
        if (output < 0)
        {
            throw new InvalidOperationException($"3dfed needs a model with a fully connected output layer (a two-dimensional weight); {layout} has none.");
        }

        var weight = trainable[output];
        var bias = output + 1 < trainable.Count && trainable[output + 1].Shape.Count == 1 && trainable[output + 1].Shape[0] == weight.Shape[0]
            ? trainable[output + 1]
            : null;
        var conv = trainable.FindLastIndex(e => e.Shape.Count == 4);
        var fc = trainable.Take(output).ToList().FindLastIndex(e => e.Shape.Count == 2);
        var indicator = conv >= 0 ? trainable[conv] : fc >= 0 ? trainable[fc] : weight;
        return new ThreeDFedLayers(weight, bias, indicator, trainable);
    }

    /// <summary>Row <paramref name="row"/> of the output layer in the full vector: its weights, then its bias.</summary>
    public int[] RowCoordinates(int row)
    {
        var coordinates = Enumerable.Range(OutputWeight.Offset + (row * RowWidth), RowWidth).ToList();
        if (OutputBias is { } b)
        {
            coordinates.Add(b.Offset + row);
        }

        return coordinates.ToArray();
    }
}
