namespace FedSec.Torch.Evaluation;

/// <summary>How a model did on a labelled set.</summary>
/// <param name="Count">Number of samples evaluated.</param>
/// <param name="Correct">Samples whose highest logit is their label (ties go to the lower class).</param>
/// <param name="MeanLoss">Mean cross-entropy over the samples (0 for an empty set).</param>
/// <param name="Confusion">Counts indexed [true class, predicted class].</param>
public sealed record EvaluationResult(int Count, int Correct, double MeanLoss, int[,] Confusion)
{
    /// <summary>Fraction of samples classified correctly, in [0, 1] (0 for an empty set).</summary>
    public double Accuracy => Count == 0 ? 0 : (double)Correct / Count;

    /// <summary>
    /// Further measurements by name: a multi-label set's <c>test_precision</c> and <c>test_recall</c> (FedML's
    /// tag-prediction metrics); empty for single-label sets.
    /// </summary>
    public IReadOnlyDictionary<string, double> Extras { get; init; } = new Dictionary<string, double>();

    /// <summary>Number of classes (the confusion matrix's side).</summary>
    public int ClassCount => Confusion.GetLength(0);

    /// <summary>Fraction of the samples of class <paramref name="trueClass"/> predicted as <paramref name="trueClass"/>; NaN when the set has none.</summary>
    public double Recall(int trueClass) => RateOf(trueClass, trueClass);

    /// <summary>
    /// Fraction of the samples of class <paramref name="trueClass"/> predicted as <paramref name="predictedClass"/>
    /// (e.g. a label-flipping attack's success rate); NaN when the set has no sample of <paramref name="trueClass"/>.
    /// </summary>
    public double RateOf(int trueClass, int predictedClass)
    {
        int total = 0;
        for (int p = 0; p < ClassCount; p++)
        {
            total += Confusion[trueClass, p];
        }

        return total == 0 ? double.NaN : (double)Confusion[trueClass, predictedClass] / total;
    }
}
