using FedSec.Torch.Evaluation;

namespace FedSec.Torch.Tests.Evaluation;

public class EvaluationResultTests
{
    private static readonly int[,] Confusion = { { 3, 1, 0 }, { 2, 2, 4 }, { 0, 0, 0 } };

    [Fact]
    public void Accuracy_CorrectOverCount()
    {
        Assert.Equal(5.0 / 12, new EvaluationResult(12, 5, 1.0, Confusion).Accuracy, 12);
    }

    [Fact]
    public void Recall_ClassWithSamples_DiagonalOverRow()
    {
        var result = new EvaluationResult(12, 5, 1.0, Confusion);

        Assert.Equal(0.75, result.Recall(0), 12);
        Assert.Equal(0.25, result.Recall(1), 12);
    }

    [Fact]
    public void RateOf_TrueClassPredictedAsOther_CellOverRow()
    {
        Assert.Equal(0.5, new EvaluationResult(12, 5, 1.0, Confusion).RateOf(1, 2), 12);
    }

    [Fact]
    public void Recall_ClassWithoutSamples_IsNaN()
    {
        Assert.True(double.IsNaN(new EvaluationResult(12, 5, 1.0, Confusion).Recall(2)));
    }

    [Fact]
    public void Accuracy_EmptySet_IsZero()
    {
        Assert.Equal(0, new EvaluationResult(0, 0, 0, new int[2, 2]).Accuracy);
    }
}
