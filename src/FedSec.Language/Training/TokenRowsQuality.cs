using FedSec.Language.Models;
using static TorchSharp.torch;

namespace FedSec.Language.Training;

/// <summary>
/// The quality of a model on rows of token ids of any length (a text, a <c>.npy</c> of <c>input_ids</c>): each row is
/// cut into consecutive windows of at most <c>max_position_embeddings</c> tokens, each window predicts its own next
/// tokens, and the loss is the mean over every predicted token of every row.
/// </summary>
public static class TokenRowsQuality
{
    /// <summary>Mean next-token cross-entropy and perplexity of <paramref name="model"/> on <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">A token id is outside the model's vocabulary, or no row has two tokens.</exception>
    public static LanguageModelQuality Evaluate(GptNeoX model, IReadOnlyList<int[]> rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        int window = model.Config.MaxPositions;
        model.eval();
        using var noGrad = no_grad();
        double sum = 0;
        long count = 0;
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            foreach (int id in row)
            {
                if ((uint)id >= (uint)model.Config.VocabularySize)
                {
                    throw new ArgumentException($"Row {r} holds token id {id}, outside the model's vocabulary of {model.Config.VocabularySize}.", nameof(rows));
                }
            }

            for (int start = 0; start + 1 < row.Length; start += window)
            {
                using var scope = NewDisposeScope();
                int n = Math.Min(window, row.Length - start);
                var tokens = tensor(row.AsSpan(start, n).ToArray().Select(i => (long)i).ToArray(), [1, n]);
                var (s, c) = CausalLmLoss.Sum(model.forward(tokens), tokens);
                sum += s;
                count += c;
            }
        }

        return count == 0
            ? throw new ArgumentException("No row has two tokens, so there is no next token to predict.", nameof(rows))
            : new LanguageModelQuality(sum / count, count);
    }
}
