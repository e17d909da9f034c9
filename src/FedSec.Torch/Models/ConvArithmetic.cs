namespace FedSec.Torch.Models;

/// <summary>Feature-map sizes through convolutions and pooling, so that models size their linear layers from the input shape.</summary>
internal static class ConvArithmetic
{
    /// <summary>Output size of a convolution or pooling window along one dimension.</summary>
    public static int Out(int size, int kernel, int stride = 1, int padding = 0) => ((size + (2 * padding) - kernel) / stride) + 1;

    /// <summary>Throws when a feature map has shrunk to nothing: the input is too small for the model.</summary>
    public static void Require(string model, ImageShape input, params int[] sizes)
    {
        if (sizes.Any(s => s < 1))
        {
            throw new ArgumentException($"The model '{model}' cannot take {input} images: they are too small for its convolutions and pooling.");
        }
    }
}
