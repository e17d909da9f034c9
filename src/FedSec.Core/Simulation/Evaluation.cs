namespace FedSec.Simulation;

/// <summary>A model's quality on a test set.</summary>
/// <param name="Accuracy">Share of correct predictions, in [0, 1].</param>
/// <param name="Loss">Mean cross-entropy loss.</param>
/// <param name="Confusion">Counts, true class × predicted class.</param>
public sealed record Evaluation(double Accuracy, double Loss, int[,] Confusion)
{
    /// <summary>A language model's perplexity, e to the mean next-token loss; null for classifiers.</summary>
    /// <value>The default value is null.</value>
    public double? Perplexity { get; init; }

    /// <summary>
    /// Further measurements of the backend by name (a multi-label set's <c>test_precision</c>, <c>test_recall</c>), copied
    /// into the round's metrics; empty (the default) for classifiers and language models.
    /// </summary>
    public IReadOnlyDictionary<string, double> Extras { get; init; } = new Dictionary<string, double>();

    /// <summary>Number of samples evaluated.</summary>
    public int Count
    {
        get
        {
            int n = 0;
            foreach (var c in Confusion)
            {
                n += c;
            }

            return n;
        }
    }

    /// <summary>Recall of one class: correct predictions of it over its samples (NaN when it has none).</summary>
    public double Recall(int cls)
    {
        int total = 0;
        for (int p = 0; p < Confusion.GetLength(1); p++)
        {
            total += Confusion[cls, p];
        }

        return total == 0 ? double.NaN : (double)Confusion[cls, cls] / total;
    }

    /// <summary>Share of the samples of class <paramref name="trueClass"/> predicted as <paramref name="predicted"/>.</summary>
    public double Share(int trueClass, int predicted)
    {
        int total = 0;
        for (int p = 0; p < Confusion.GetLength(1); p++)
        {
            total += Confusion[trueClass, p];
        }

        return total == 0 ? double.NaN : (double)Confusion[trueClass, predicted] / total;
    }

    /// <summary>Share of all samples predicted as <paramref name="predicted"/>.</summary>
    public double PredictedShare(int predicted)
    {
        int hit = 0, total = 0;
        for (int t = 0; t < Confusion.GetLength(0); t++)
        {
            for (int p = 0; p < Confusion.GetLength(1); p++)
            {
                total += Confusion[t, p];
                if (p == predicted)
                {
                    hit += Confusion[t, p];
                }
            }
        }

        return total == 0 ? double.NaN : (double)hit / total;
    }
}
