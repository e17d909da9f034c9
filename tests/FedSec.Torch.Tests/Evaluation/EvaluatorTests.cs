using FedSec.Data;
using FedSec.Parameters;
using FedSec.Torch.Data;
using FedSec.Torch.Evaluation;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using TorchSharp;

namespace FedSec.Torch.Tests.Evaluation;

public class EvaluatorTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.CreateBuiltIn();

    // Six 1×2×2 images, three classes. The hand-set logistic regression scores class k by pixel k, so it predicts the
    // brightest of the first three pixels.
    private static readonly float[] Pixels =
    [
        0.9f, 0.1f, 0.2f, 0.5f, // predicts 0, label 0: right
        0.1f, 0.8f, 0.3f, 0.5f, // predicts 1, label 1: right
        0.2f, 0.1f, 0.7f, 0.5f, // predicts 2, label 2: right
        0.6f, 0.2f, 0.1f, 0.5f, // predicts 0, label 1: wrong
        0.1f, 0.2f, 0.9f, 0.5f, // predicts 2, label 0: wrong
        0.1f, 0.9f, 0.2f, 0.5f, // predicts 1, label 1: right
    ];

    private static readonly int[] Labels = [0, 1, 2, 1, 0, 1];

    [Fact]
    public void Evaluate_HandSetLogisticRegression_MatchesTheHandCount()
    {
        var data = new ImageSet(Pixels, Labels, 1, 2, 2, 3);
        var (evaluator, weights) = HandSetLogisticRegression();

        var result = evaluator.Evaluate(weights, data);

        Assert.Equal(6, result.Count);
        Assert.Equal(4, result.Correct);
        Assert.Equal(4.0 / 6, result.Accuracy, 12);
        var expected = new int[3, 3];
        expected[0, 0] = 1;
        expected[0, 2] = 1;
        expected[1, 1] = 2;
        expected[1, 0] = 1;
        expected[2, 2] = 1;
        Assert.Equal(expected, result.Confusion);
        Assert.Equal(HandCrossEntropy(), result.MeanLoss, 6);
    }

    [Fact]
    public void Evaluate_SmallBatches_SameResultAsOneBatch()
    {
        var data = new ImageSet(Pixels, Labels, 1, 2, 2, 3);
        var (evaluator, weights) = HandSetLogisticRegression(batchSize: 4);
        var (whole, _) = HandSetLogisticRegression(batchSize: 1000);

        var small = evaluator.Evaluate(weights, data);
        var big = whole.Evaluate(weights, data);

        Assert.Equal(big.Confusion, small.Confusion);
        Assert.Equal(big.MeanLoss, small.MeanLoss, 6);
    }

    [Fact]
    public void Evaluate_WithNormalization_EqualsEvaluatingPreNormalizedPixels()
    {
        var norm = new ChannelNormalization([0.25f], [0.5f]);
        var (evaluator, weights) = HandSetLogisticRegression();
        var normalized = Pixels.Select(p => (p - 0.25f) / 0.5f).ToArray();

        var viaOption = evaluator.Evaluate(weights, new ImageSet(Pixels, Labels, 1, 2, 2, 3), norm);
        var byHand = evaluator.Evaluate(weights, new ImageSet(normalized, Labels, 1, 2, 2, 3));

        Assert.Equal(byHand.Confusion, viaOption.Confusion);
        Assert.Equal(byHand.MeanLoss, viaOption.MeanLoss, 6);
    }

    [Fact]
    public void Evaluate_ModelWithDropout_IsDeterministic()
    {
        var data = TestImages.Random(20, 1, 28, 28, 10, seed: 2);
        torch.random.manual_seed(1);
        using var model = Catalog.Create("cnn", ImageShape.Of(data), 10);
        var layout = ModuleVectors.LayoutOf(model);
        var evaluator = new Evaluator(model, layout);
        var weights = ModuleVectors.ToVector(model, layout);

        var first = evaluator.Evaluate(weights, data);
        var second = evaluator.Evaluate(weights, data);

        Assert.Equal(first.MeanLoss, second.MeanLoss);
        Assert.Equal(first.Confusion, second.Confusion);
    }

    [Fact]
    public void Evaluate_ModelOutputsDifferFromClassCount_Throws()
    {
        var data = new ImageSet(Pixels, Labels.Select(_ => 0).ToArray(), 1, 2, 2, 2);
        var (evaluator, weights) = HandSetLogisticRegression();

        var e = Assert.Throws<ArgumentException>(() => evaluator.Evaluate(weights, data));

        Assert.Contains("3 outputs", e.Message, StringComparison.Ordinal);
    }

    private static (Evaluator Evaluator, float[] Weights) HandSetLogisticRegression(int batchSize = 1000)
    {
        var model = Catalog.Create("lr", new ImageShape(1, 2, 2), 3);
        var layout = ModuleVectors.LayoutOf(model);
        var weights = new float[layout.Length];
        var w = ParameterLayout.Slice(weights, layout["linear.weight"]);
        for (int k = 0; k < 3; k++)
        {
            w[(k * 4) + k] = 1; // class k's score is pixel k; biases stay 0.
        }

        return (new Evaluator(model, layout, batchSize), weights);
    }

    private static double HandCrossEntropy()
    {
        double sum = 0;
        for (int i = 0; i < Labels.Length; i++)
        {
            var scores = Pixels.Skip(i * 4).Take(3).Select(p => (double)p).ToArray();
            double logSumExp = Math.Log(scores.Sum(Math.Exp));
            sum += logSumExp - scores[Labels[i]];
        }

        return sum / Labels.Length;
    }
}
