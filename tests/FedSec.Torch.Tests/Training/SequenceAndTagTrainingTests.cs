using FedSec.Data;
using FedSec.Torch.Data;
using FedSec.Torch.Evaluation;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Training;

/// <summary>
/// The rnn on Shakespeare's character indices and the lr on StackOverflow's bag of words with multi-hot tags: one
/// training step against the same step written out with libtorch's functional operations, and FedML's tag-prediction
/// test metrics on a hand-computed case.
/// </summary>
public sealed class SequenceAndTagTrainingTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.CreateBuiltIn();
    private static readonly ChannelNormalization None = new([0f], [1f]);

    [Fact]
    public void Rnn_OneFullBatchSgdStep_EqualsTheStepWrittenOutWithEmbeddingLstmGatesAndLinear()
    {
        var data = Sequences(6, seed: 2);
        random.manual_seed(5);
        using var model = Catalog.Create("rnn", ImageShape.Of(data), 90);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        var initial = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        const double Lr = 1.0;

        var result = new LocalTrainer(model, layout).Train(data, global, new LocalTrainingOptions { Epochs = 1, BatchSize = 6, LearningRate = Lr }, new Random(1), 3, None);

        // By hand: the same loss from the same weights, PyTorch's LSTM equations (gates i, f, g, o), and w − lr·∇w.
        var w = initial.ToDictionary(p => p.Key, p => p.Value.clone().requires_grad_(true));
        var x = tensor(data.Pixels.Select(v => (long)v).ToArray(), [6, 80]);
        var y = tensor(data.Labels.Select(v => (long)v).ToArray());
        var h = w["embeddings.weight"].index_select(0, x.flatten()).reshape(6, 80, 8);
        for (int layer = 0; layer < 2; layer++)
        {
            var state = zeros(6, 256);
            var cell = zeros(6, 256);
            var outputs = new List<Tensor>();
            for (int t = 0; t < 80; t++)
            {
                var gates = nn.functional.linear(h.select(1, t), w[$"lstm.weight_ih_l{layer}"], w[$"lstm.bias_ih_l{layer}"])
                    + nn.functional.linear(state, w[$"lstm.weight_hh_l{layer}"], w[$"lstm.bias_hh_l{layer}"]);
                var chunks = gates.chunk(4, 1);
                cell = (chunks[1].sigmoid() * cell) + (chunks[0].sigmoid() * chunks[2].tanh());
                state = chunks[3].sigmoid() * cell.tanh();
                outputs.Add(state);
            }

            h = stack(outputs, 1);
        }

        var logits = nn.functional.linear(h.select(1, 79), w["fc.weight"], w["fc.bias"]);
        var loss = nn.functional.cross_entropy(logits, y);
        loss.backward();
        var grad = w["embeddings.weight"].grad!;
        using (no_grad())
        {
            grad[0].zero_(); // padding_idx = 0: the padding row gets no gradient
        }

        model.named_parameters().ToList().ForEach(p => { using var _ = no_grad(); p.parameter.copy_(w[p.name] - (w[p.name].grad! * Lr)); });
        var expected = ModuleVectors.ToVector(model, layout);

        Assert.Equal(expected.Length, result.Weights.Length);
        double worst = expected.Zip(result.Weights, (a, b) => Math.Abs((double)a - b)).Max();
        double step = global.Zip(result.Weights, (a, b) => Math.Abs((double)a - b)).Max();
        Assert.True(worst <= 1e-5, $"largest difference {worst}");
        Assert.True(step > 1e-3, $"the step ({step}) must be far larger than the tolerance");
        Assert.Equal(loss.item<float>(), result.MeanLoss, 1e-5);
        var embedding = layout.Entries.First(t => t.Name == "embeddings.weight");
        Assert.Equal(global.AsSpan(embedding.Offset, 8).ToArray(), result.Weights.AsSpan(embedding.Offset, 8).ToArray()); // 'd', the padding index, stays
    }

    [Fact]
    public void Rnn_HasThePyTorchParameterCount()
    {
        using var model = Catalog.Create("rnn", new ImageShape(1, 1, 80), 90);

        // Embedding 90×8; LSTM layer 0: 4·256·(8 + 256) + 2·4·256; layer 1: 4·256·(256 + 256) + 2·4·256; linear 256×90 + 90.
        Assert.Equal(720 + 272_384 + 526_336 + 23_130, ModuleVectors.LayoutOf(model).TrainableLength);
    }

    [Fact]
    public void Rnn_OnImages_IsRefusedNamingWhatItTakes()
    {
        var e = Assert.Throws<ArgumentException>(() => Catalog.Create("rnn", new ImageShape(1, 28, 28), 10));

        Assert.Contains("rnn takes shakespeare's sequences of 80 character indices", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lr_MultiLabelStep_EqualsFedMLsBceLossSumOnTheSigmoid()
    {
        var data = Tags(5, words: 12, tags: 4, seed: 3);
        random.manual_seed(8);
        using var model = Catalog.Create("lr", ImageShape.Of(data), 4);
        var layout = ModuleVectors.LayoutOf(model);
        var global = ModuleVectors.ToVector(model, layout);
        var weight = model.named_parameters().First(p => p.name.EndsWith("weight", StringComparison.Ordinal)).parameter.detach().clone().requires_grad_(true);
        var bias = model.named_parameters().First(p => p.name.EndsWith("bias", StringComparison.Ordinal)).parameter.detach().clone().requires_grad_(true);

        var result = new LocalTrainer(model, layout).Train(data, global, new LocalTrainingOptions { Epochs = 1, BatchSize = 5, LearningRate = 0.5 }, new Random(1), 3, None);

        // FedML: nn.BCELoss(reduction="sum")(sigmoid(W x + b), targets), one SGD step.
        var x = tensor(data.Pixels, [5, 12]);
        var t = tensor(data.Targets!, [5, 4]);
        var p = nn.functional.linear(x, weight, bias).sigmoid();
        var loss = nn.functional.binary_cross_entropy(p, t, reduction: nn.Reduction.Sum);
        loss.backward();
        var expected = (weight - (weight.grad! * 0.5)).detach().data<float>().ToArray().Concat((bias - (bias.grad! * 0.5)).detach().data<float>().ToArray()).ToArray();

        double worst = expected.Zip(result.Weights, (a, b) => Math.Abs((double)a - b)).Max();
        Assert.True(worst <= 1e-6, $"largest difference {worst}");
        Assert.True(global.Zip(result.Weights, (a, b) => Math.Abs((double)a - b)).Max() > 1e-3);
        Assert.Equal(loss.item<float>() / 5, result.MeanLoss, 1e-5); // per sample: the summed BCE over the batch, over 5
    }

    [Fact]
    public void Evaluate_MultiLabel_HandComputedExactMatchPrecisionRecallAndLoss()
    {
        // One input value per sample; logit of tag k = w_k · x + b_k with w = (1, −1, 2), b = (0, 0.5, −1).
        // x = 1: logits (1, −0.5, 1) → predicted {0, 2}; x = −1: logits (−1, 1.5, −3) → predicted {1}.
        var set = new ImageSet([1f, -1f], [0, 1], 1, 1, 1, 3).WithTargets([1, 0, 1, /* */ 1, 1, 0]);
        random.manual_seed(1);
        using var model = Catalog.Create("lr", ImageShape.Of(set), 3);
        var layout = ModuleVectors.LayoutOf(model);

        var r = new Evaluator(model, layout).Evaluate([1f, -1f, 2f, 0f, 0.5f, -1f], set);

        Assert.Equal(1, r.Correct); // sample 0 exactly right; sample 1 misses tag 0
        Assert.Equal(0.5, r.Accuracy);
        Assert.Equal((1.0 + 1.0) / 2, r.Extras["test_precision"], 9); // 2/2 and 1/1
        Assert.Equal((1.0 + 0.5) / 2, r.Extras["test_recall"], 9); // 2/2 and 1/2
        double Bce(double z, double target) => -((target * Math.Log(Sigmoid(z))) + ((1 - target) * Math.Log(1 - Sigmoid(z))));
        double expectedLoss = (Bce(1, 1) + Bce(-0.5, 0) + Bce(1, 1) + Bce(-1, 1) + Bce(1.5, 1) + Bce(-3, 0)) / 2;
        Assert.Equal(expectedLoss, r.MeanLoss, 5);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static ImageSet Sequences(int count, int seed)
    {
        var rng = new Random(seed);
        var pixels = Enumerable.Range(0, count * 80).Select(i => (float)(i % 17 == 0 ? 0 : rng.Next(86))).ToArray();
        return new ImageSet(pixels, Enumerable.Range(0, count).Select(_ => rng.Next(86)).ToArray(), 1, 1, 80, 90);
    }

    private static ImageSet Tags(int count, int words, int tags, int seed)
    {
        var rng = new Random(seed);
        var pixels = Enumerable.Range(0, count * words).Select(_ => (float)rng.Next(3) / 4).ToArray();
        var targets = Enumerable.Range(0, count * tags).Select(_ => (float)rng.Next(2)).ToArray();
        return new ImageSet(pixels, new int[count], 1, 1, words, tags).WithTargets(targets);
    }
}
