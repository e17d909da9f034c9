using FedSec.Data.Leaf;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Models;

/// <summary>
/// FedML's <c>RNN_OriginalFedAvg</c> (<c>model/nlp/rnn.py</c>; McMahan et al., AISTATS 2017) for Shakespeare's next
/// character: an embedding of 8 dimensions over the 90-symbol vocabulary (padding index 0, as FedML sets it: index 0 is
/// the character 'd' in FedML's encoding, whose embedding stays zero), two LSTM layers of 256 (batch first), and a
/// linear layer from the last position's output to the 90 symbols: one prediction per sequence, the character that
/// follows it. Its input is the data set's 1 × 1 × 80 "image" of character indices (float values), read as integers.
/// </summary>
internal sealed class RnnOriginalFedAvg : nn.Module<Tensor, Tensor>
{
    /// <summary>FedML's <c>embedding_dim</c>.</summary>
    public const int EmbeddingDim = 8;

    /// <summary>FedML's <c>hidden_size</c>.</summary>
    public const int HiddenSize = 256;

    private readonly Embedding embeddings;
    private readonly LSTM lstm;
    private readonly Linear fc;

    public RnnOriginalFedAvg(ImageShape input, int classCount)
        : base("rnn")
    {
        if (Misfit(input) is { } reason)
        {
            throw new ArgumentException(reason, nameof(input));
        }

        embeddings = nn.Embedding(classCount, EmbeddingDim, padding_idx: 0);
        lstm = nn.LSTM(EmbeddingDim, HiddenSize, numLayers: 2, batchFirst: true);
        fc = nn.Linear(HiddenSize, classCount);
        RegisterComponents();
    }

    /// <summary>Why the model cannot take inputs of <paramref name="shape"/> (anything but Shakespeare's 1 × 1 × 80 sequences), or null.</summary>
    public static string? Misfit(ImageShape shape) =>
        shape == new ImageShape(1, 1, ShakespeareVocabulary.SequenceLength)
            ? null
            : $"rnn takes shakespeare's sequences of {ShakespeareVocabulary.SequenceLength} character indices (1×1×{ShakespeareVocabulary.SequenceLength}), not {shape} images";

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var indices = input.flatten(1).to_type(ScalarType.Int64);
        var (output, _, _) = lstm.forward(embeddings.forward(indices));
        return fc.forward(output.select(1, -1)).MoveToOuterDisposeScope();
    }
}
