using FedSec.Language.Models;
using static TorchSharp.torch;

namespace FedSec.Language.Training;

/// <summary>
/// Greedy decoding: each step feeds the prompt and the tokens chosen so far and appends the argmax of the last position's
/// logits (torch's argmax: the lowest id on ties). No key-value cache: the prompts here are short (the text backdoor's
/// prompt, trigger and target), so recomputing the prefix is simpler than caching it.
/// </summary>
public static class GreedyDecoder
{
    /// <summary>The <paramref name="tokens"/> tokens greedy decoding appends to each prompt (in eval mode, no gradients).</summary>
    /// <exception cref="ArgumentException">A prompt is empty, or prompt plus continuation exceed the model's positions.</exception>
    public static int[][] Continue(GptNeoX model, IReadOnlyList<int[]> prompts, int tokens, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(prompts);
        ArgumentOutOfRangeException.ThrowIfLessThan(tokens, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        foreach (var p in prompts)
        {
            if (p.Length == 0 || p.Length + tokens - 1 > model.Config.MaxPositions)
            {
                throw new ArgumentException($"A prompt of {p.Length} tokens continued by {tokens} needs {p.Length + tokens - 1} positions; the model has {model.Config.MaxPositions} and a prompt needs at least one token.", nameof(prompts));
            }
        }

        var result = new int[prompts.Count][];
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();

            // Prompts of one length go through the model together.
            foreach (var group in Enumerable.Range(0, prompts.Count).GroupBy(i => prompts[i].Length))
            {
                foreach (var batch in group.Chunk(batchSize))
                {
                    using var scope = NewDisposeScope();
                    var rows = batch.Select(i => prompts[i]).ToArray();
                    var current = tensor(rows.SelectMany(r => r).Select(t => (long)t).ToArray(), [rows.Length, rows[0].Length], ScalarType.Int64);
                    var chosen = new long[rows.Length, tokens];
                    for (int step = 0; step < tokens; step++)
                    {
                        var next = model.forward(current)[.., -1].argmax(-1);
                        var ids = next.data<long>().ToArray();
                        for (int r = 0; r < rows.Length; r++)
                        {
                            chosen[r, step] = ids[r];
                        }

                        current = cat([current, next.unsqueeze(1)], 1);
                    }

                    for (int r = 0; r < rows.Length; r++)
                    {
                        result[batch[r]] = Enumerable.Range(0, tokens).Select(s => (int)chosen[r, s]).ToArray();
                    }
                }
            }

            return result;
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
