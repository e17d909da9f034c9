using FedSec.Parameters;

namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// The layers 3DFed works on, found in the model's layout: the output layer (the last two-dimensional trainable weight,
/// rows = classes, with its bias when the next trainable tensor is one row per class), which carries the noise masks
/// and the decoy parameters; and the indicator layer, the largest trainable weight before the output layer (the last
/// of equal size), else the output weight itself. The indicator must sit where training leaves coordinates unmoved, so
/// that a planted value of update × 1e5 stays small and its trace in the global model is its own; how many such
/// coordinates a layer has depends on its size more than on its kind. On ResNet-18 this is the authors' choice
/// (<c>layer4.1.conv2.weight</c>, the last of three 512×512×3×3 weights); on their MNIST net they take <c>conv2.weight</c>
/// (25 000 weights) where this rule takes <c>fc1.weight</c>. On LeNet-5 the last convolution (2 400 weights) has no
/// quiet coordinate: its quietest moved by 2-7e-4 in a round, planted as 20-75, and wrecked the model under FedAvg;
/// its largest layer (<c>fc1</c>, 48 000 weights) has coordinates that training leaves at exactly zero, planted as 1e-2.
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
        var indicator = trainable.Take(output).Where(e => e.Shape.Count >= 2).OrderBy(e => e.Length).LastOrDefault() ?? weight;
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
