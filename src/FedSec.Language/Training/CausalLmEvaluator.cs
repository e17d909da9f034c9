using FedSec.Data.Text;
using FedSec.Language.Models;
using static TorchSharp.torch;

namespace FedSec.Language.Training;

/// <summary>Evaluates a causal language model: mean next-token cross-entropy over every predicted token of a set, perplexity and top-1 next-token accuracy.</summary>
public static class CausalLmEvaluator
{
    /// <summary>The quality of <paramref name="model"/> on <paramref name="data"/>, in batches of <paramref name="batchSize"/> sequences (in evaluation mode, no gradients).</summary>
    public static LanguageModelQuality Evaluate(GptNeoX model, TokenSequenceSet data, int batchSize = 16)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        bool wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            double sum = 0;
            long count = 0, correct = 0;
            for (int start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                int n = Math.Min(batchSize, data.Count - start);
                var tokens = CausalLmTrainer.Batch(data, Enumerable.Range(start, n).ToArray());
                var logits = model.forward(tokens);
                var (s, c) = CausalLmLoss.Sum(logits, tokens);
                sum += s;
                count += c;
                correct += logits[.., ..^1].argmax(-1).eq(tokens[.., 1..]).sum().item<long>();
            }

            return new LanguageModelQuality(count == 0 ? double.NaN : sum / count, count) { Correct = correct };
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
