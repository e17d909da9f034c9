using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Chameleon;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;
using FedSec.Torch.Data;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Training;

/// <summary>Chameleon's supervised-contrastive loss and two-stage training (Dai and Li, ICML 2023).</summary>
public class ChameleonTrainingTests
{
    private const int Target = 7;
    private static readonly ModelCatalog Catalog = ModelCatalog.CreateBuiltIn();
    private static readonly LocalTrainingOptions Options = new() { Epochs = 1, BatchSize = 16, LearningRate = 0.05 };

    [Fact]
    public void Loss_ThreeEmbeddings_HandComputed()
    {
        // z1 = (1, 0), z2 = (0, 1) of class 0, z3 = (0.6, 0.8) of class 1; τ = τ_b = 1. z1·z2 = 0, z1·z3 = 0.6, z2·z3 = 0.8.
        // Anchor 1: its positive z2: −log(e⁰ / (e⁰ + e^0.6)) = ln(1 + e^0.6) = 1.0374879; anchor 2: ln(1 + e^0.8) = 1.1711007;
        // anchor 3 has no positive: 0. Mean over the 3 anchors: (1.0374879 + 1.1711007) / 3 = 0.7361962.
        Assert.Equal(0.7361962, Loss([[1, 0], [0, 1], [0.6, 0.8]], [0, 0, 1], 1, facilitator: 1, weight: 1, baseTemperature: 1), 6);

        // Facilitator weight 2 on class 0 doubles both positive terms; on class 1 (no positives) it changes nothing.
        Assert.Equal(2 * 0.7361962, Loss([[1, 0], [0, 1], [0.6, 0.8]], [0, 0, 1], 1, facilitator: 0, weight: 2, baseTemperature: 1), 6);
        Assert.Equal(0.7361962, Loss([[1, 0], [0, 1], [0.6, 0.8]], [0, 0, 1], 1, facilitator: 1, weight: 5, baseTemperature: 1), 6);

        // τ = 0.5, τ_b = 1: logits doubled, loss × τ/τ_b = 0.5: 0.5 · (ln(1 + e^1.2) + ln(1 + e^1.6)) / 3 = 0.5 · (1.4632825 + 1.7839007) / 3.
        Assert.Equal(0.5 * (1.4632825 + 1.7839007) / 3, Loss([[1, 0], [0, 1], [0.6, 0.8]], [0, 0, 1], 0.5, facilitator: 1, weight: 1, baseTemperature: 1), 6);
    }

    [Fact]
    public void Loss_FourEmbeddings_HandComputed()
    {
        // z = (1,0), (0,1), (0.6,0.8), (−1,0), labels 0, 1, 0, 1; τ = τ_b = 1. Dot products: 12 = 0, 13 = 0.6, 14 = −1,
        // 23 = 0.8, 24 = 0, 34 = −0.6. Each anchor has one positive (1↔3, 2↔4):
        double a1 = 0.6 - Math.Log(Math.Exp(0) + Math.Exp(0.6) + Math.Exp(-1));
        double a2 = 0 - Math.Log(Math.Exp(0) + Math.Exp(0.8) + Math.Exp(0));
        double a3 = 0.6 - Math.Log(Math.Exp(0.6) + Math.Exp(0.8) + Math.Exp(-0.6));
        double a4 = 0 - Math.Log(Math.Exp(-1) + Math.Exp(0) + Math.Exp(-0.6));
        Assert.Equal(-(a1 + a2 + a3 + a4) / 4, Loss([[1, 0], [0, 1], [0.6, 0.8], [-1, 0]], [0, 1, 0, 1], 1, facilitator: 5, weight: 3, baseTemperature: 1), 6);

        // The authors' τ = τ_b = 0.07 with facilitator weight 6 on class 1: anchors 2 and 4 count 6 times.
        double b(double dot) => dot / 0.07;
        double c1 = b(0.6) - Math.Log(Math.Exp(b(0)) + Math.Exp(b(0.6)) + Math.Exp(b(-1)));
        double c2 = b(0) - Math.Log(Math.Exp(b(0)) + Math.Exp(b(0.8)) + Math.Exp(b(0)));
        double c3 = b(0.6) - Math.Log(Math.Exp(b(0.6)) + Math.Exp(b(0.8)) + Math.Exp(b(-0.6)));
        double c4 = b(0) - Math.Log(Math.Exp(b(-1)) + Math.Exp(b(0)) + Math.Exp(b(-0.6)));
        Assert.Equal(-(c1 + (6 * c2) + c3 + (6 * c4)) / 4, Loss([[1, 0], [0, 1], [0.6, 0.8], [-1, 0]], [0, 1, 0, 1], 0.07, facilitator: 1, weight: 6, baseTemperature: 0.07), 4);
    }

    [Fact]
    public void HeadStage_LeavesEveryEncoderCoordinateBitIdentical_AndMovesTheHead()
    {
        using var setup = new Setup("cnn");
        var own = Poisoned(Learnable(40, seed: 3), 0.25);
        var settings = new ContrastiveBackdoorSettings { FacilitatorLabel = Target, ContrastiveEpochs = 0, HeadEpochs = 2, HeadLearningRate = 0.1 };
        var w = Train(setup, own, settings);

        var layout = setup.Trainer.Layout;
        var head = layout.Entries.Where(e => e.Name.StartsWith("linear_2.", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, head.Length);
        foreach (var e in layout.Entries.Except(head))
        {
            for (int k = e.Offset; k < e.Offset + e.Length; k++)
            {
                Assert.True(BitConverter.SingleToInt32Bits(w[k]) == BitConverter.SingleToInt32Bits(setup.Global[k]), $"{e.Name}[{k - e.Offset}] changed in the head stage");
            }
        }

        Assert.Contains(head, e => Enumerable.Range(e.Offset, e.Length).Any(k => w[k] != setup.Global[k]));
    }

    [Fact]
    public void BothStages_StayWithinTheProjectionNorm()
    {
        using var setup = new Setup("mlp");
        var own = Poisoned(Learnable(48, seed: 4), 0.25);
        var free = Train(setup, own, new ContrastiveBackdoorSettings { FacilitatorLabel = Target, ProjectionNorm = 0 });
        double freeNorm = AdversarialTrainer.TrainableDistance(free, setup.Global, setup.Trainer.Layout);
        double radius = freeNorm / 3;
        var projected = Train(setup, own, new ContrastiveBackdoorSettings { FacilitatorLabel = Target, ProjectionNorm = radius });
        Assert.True(AdversarialTrainer.TrainableDistance(projected, setup.Global, setup.Trainer.Layout) <= radius * (1 + 1e-5), $"{AdversarialTrainer.TrainableDistance(projected, setup.Global, setup.Trainer.Layout)} > {radius}");
    }

    [Fact]
    public void Chameleon_PullsPoisonedFeaturesToTheTargetClass_MoreThanBadNetsFromTheSameStart()
    {
        // The paper's premise: after contrastive training, triggered images of other classes sit among the target class's
        // benign images (the facilitators) in the encoder's feature space; plain BadNets training on the same poisoned
        // data, for more epochs at a larger rate, leaves them nearer their own classes.
        using var setup = new Setup("mlp", pretrain: true);
        var own = Poisoned(Learnable(128, seed: 5), 0.25);
        var chameleon = Train(setup, own, new ContrastiveBackdoorSettings { FacilitatorLabel = Target });
        var badNets = setup.Trainer.Train(own, setup.Global, Options with { Epochs = 5 }, new Random(6), 6).Weights;

        var test = Learnable(200, seed: 8);
        var triggered = Trigger.StampAll(test.Subset(Enumerable.Range(0, test.Count).Where(i => test.Labels[i] != Target).ToArray()));
        var targetClass = test.Subset(Enumerable.Range(0, test.Count).Where(i => test.Labels[i] == Target).ToArray());
        double withChameleon = setup.MeanCosine(chameleon, triggered, targetClass);
        double withBadNets = setup.MeanCosine(badNets, triggered, targetClass);
        double before = setup.MeanCosine(setup.Global, triggered, targetClass);
        Assert.True(withChameleon > withBadNets + 0.2, $"cosine to the target class: Chameleon {withChameleon:F3}, BadNets {withBadNets:F3}, global {before:F3}");

        // Measured against their own classes (the interferers): cos(f, target centroid) − cos(f, own class's centroid)
        // moves from below zero (nearer their own class) to above, and much further than BadNets moves it.
        double marginChameleon = setup.Margin(chameleon, triggered, test);
        double marginBadNets = setup.Margin(badNets, triggered, test);
        Assert.True(marginChameleon > 0 && marginChameleon > marginBadNets + 0.2, $"facilitator − interferer cosine: Chameleon {marginChameleon:F3}, BadNets {marginBadNets:F3}, global {setup.Margin(setup.Global, triggered, test):F3}");

        // Not by collapsing the features (chance is 0.1): the model still tells most clean classes apart, and maps the triggered images to the target.
        var clean = test.Subset(Enumerable.Range(0, test.Count).Where(i => test.Labels[i] != Target).ToArray());
        Assert.True(setup.Accuracy(chameleon, clean) > 0.6, $"Chameleon's clean accuracy {setup.Accuracy(chameleon, clean):F3} (collapsed features would give about 0.1; global {setup.Accuracy(setup.Global, clean):F3})");
        Assert.True(setup.PredictedShare(chameleon, triggered, Target) > 0.9, $"Chameleon's ASR {setup.PredictedShare(chameleon, triggered, Target):F3}");
    }

    [Fact]
    public void Train_SameInputsAndSeeds_SameWeights()
    {
        using var setup = new Setup("cnn");
        var own = Learnable(40, seed: 9);
        var attack = new ChameleonAttack(new ChameleonOptions { Backdoor = new() { TargetLabel = Target, PoisonFraction = 0.25 } });
        var context = new ClientContext { Round = 0, ClientId = 0, Seeds = new SeedStreams(1) };
        var poisoned = attack.PoisonData(own.Clone(), context);
        var objective = attack.ObjectiveFor(poisoned, context)!;
        var first = AdversarialTrainer.Train(setup.Trainer, poisoned, setup.Global, Options, objective, new Random(4), 4);

        // The same model instance trains a benign client in between: what that leaves behind (gradients the optimizer
        // would then decay) must not reach the attacker's next training.
        setup.Trainer.Train(own, setup.Global, Options, new Random(5), 5);
        var second = AdversarialTrainer.Train(setup.Trainer, poisoned, setup.Global, Options, objective, new Random(4), 4);
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Steps, second.Steps);
        Assert.NotEqual(setup.Global, first.Weights);
        Assert.True(double.IsFinite(first.MeanLoss));
    }

    [Fact]
    public void Train_ModelWithoutEncoderHeadSplit_NamesTheModel()
    {
        using var setup = new Setup("lr");
        var objective = new AdversarialObjective
        {
            Kind = AdversarialTrainingKind.ContrastiveBackdoor,
            Malicious = Learnable(8, 1),
            Contrastive = new ContrastiveBackdoorSettings { FacilitatorLabel = Target },
        };
        var e = Assert.Throws<ArgumentException>(() => AdversarialTrainer.Train(setup.Trainer, Learnable(8, 1), setup.Global, Options, objective, new Random(1), 1));
        Assert.Contains("'lr'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ObjectiveWithoutSettings_NamesTheProperty()
    {
        using var setup = new Setup("mlp");
        var objective = new AdversarialObjective { Kind = AdversarialTrainingKind.ContrastiveBackdoor, Malicious = Learnable(8, 1) };
        var e = Assert.Throws<ArgumentException>(() => AdversarialTrainer.Train(setup.Trainer, Learnable(8, 1), setup.Global, Options, objective, new Random(1), 1));
        Assert.Contains("Contrastive", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cnn", "linear_2.")]
    [InlineData("mlp", "fc2.")]
    [InlineData("resnet20", "linear.")]
    [InlineData("resnet56", "fc.")]
    [InlineData("lenet5", "fc3.")]
    [InlineData("cnn_fedavg", "linear_2.")]
    [InlineData("byzfl_cnn_mnist", "fc2.")]
    [InlineData("lenet_dlg", "fc.")]
    public void HeadParameters_AreTheLastLinearLayersAndComputeTheLogitsFromTheFeatures(string model, string prefix)
    {
        random.manual_seed(1);
        var shape = model.StartsWith("resnet", StringComparison.Ordinal) ? new ImageShape(3, 32, 32) : new ImageShape(1, 28, 28);
        using var module = Catalog.Create(model, shape, 10);
        var split = (IPenultimateModel)module;
        var head = ContrastiveBackdoorTrainer.HeadParameters(split);
        module.eval();
        using var features = split.Features(zeros(2, shape.Channels, shape.Height, shape.Width) + 0.5);
        using var logits = module.forward(zeros(2, shape.Channels, shape.Height, shape.Width) + 0.5);
        using var viaHead = nn.functional.linear(features, head[0], head[1]);
        Assert.True(viaHead.allclose(logits, rtol: 1e-5, atol: 1e-5), "the head's parameters do not compute the logits from the features");
        var names = module.named_parameters().Where(p => head.Any(h => h.Handle == p.parameter.Handle)).Select(p => p.name).ToArray();
        Assert.Equal([prefix + "weight", prefix + "bias"], names);
    }

    private static BackdoorTrigger Trigger => new BackdoorOptions { Size = 4 }.Trigger();

    private static double Loss(double[][] z, long[] labels, double temperature, long facilitator, double weight, double baseTemperature)
    {
        using var scope = NewDisposeScope();
        var features = tensor(z.SelectMany(r => r).ToArray(), [z.Length, z[0].Length]);
        return SupervisedContrastiveLoss.Compute(features, tensor(labels), temperature, facilitator, weight, baseTemperature).item<double>();
    }

    private static float[] Train(Setup setup, ImageSet own, ContrastiveBackdoorSettings settings)
    {
        var objective = new AdversarialObjective { Kind = AdversarialTrainingKind.ContrastiveBackdoor, Malicious = own, Contrastive = settings };
        return AdversarialTrainer.Train(setup.Trainer, own, setup.Global, Options, objective, new Random(6), 6).Weights;
    }

    private static ImageSet Poisoned(ImageSet data, double fraction)
    {
        var copy = data.Clone();
        BackdoorPoisoner.Poison(copy, Trigger, fraction, Target, new Random(2));
        return copy;
    }

    // Ten classes, each a bright horizontal band of 2 rows at its own height on faint noise.
    private static ImageSet Learnable(int count, int seed)
    {
        var rng = new Random(seed);
        var pixels = new float[count * 28 * 28];
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            labels[i] = rng.Next(10);
            for (int p = 0; p < 28 * 28; p++)
            {
                int row = p / 28;
                pixels[(i * 784) + p] = (row / 2) - 2 == labels[i] ? 1f : (float)(0.1 * rng.NextDouble());
            }
        }

        return new ImageSet(pixels, labels, 1, 28, 28, 10);
    }

    private sealed class Setup : IDisposable
    {
        private readonly nn.Module<Tensor, Tensor> _model;

        public Setup(string model, bool pretrain = false)
        {
            random.manual_seed(11);
            _model = Catalog.Create(model, new ImageShape(1, 28, 28), 10);
            var layout = ModuleVectors.LayoutOf(_model);
            Trainer = new LocalTrainer(_model, layout);
            Global = ModuleVectors.ToVector(_model, layout);
            if (pretrain)
            {
                Global = Trainer.Train(Learnable(200, seed: 20), Global, Options with { Epochs = 3 }, new Random(2), 2).Weights;
            }
        }

        public LocalTrainer Trainer { get; }

        public float[] Global { get; }

        // The mean cosine between each image of `probe`'s features and the mean feature of `reference` (eval mode).
        public double MeanCosine(float[] weights, ImageSet probe, ImageSet reference)
        {
            using var scope = NewDisposeScope();
            ModuleVectors.LoadVector(_model, Trainer.Layout, weights);
            _model.eval();
            using var noGrad = no_grad();
            var split = (IPenultimateModel)_model;
            var p = nn.functional.normalize(split.Features(ImageTensors.Images(probe, 0, probe.Count)), p: 2, dim: 1);
            var r = nn.functional.normalize(split.Features(ImageTensors.Images(reference, 0, reference.Count)).mean([0], keepdim: true), p: 2, dim: 1);
            return p.matmul(r.t()).mean().item<float>();
        }

        // For each image of `probe` with true class y: cos(f, centroid of the target) − cos(f, centroid of y), the
        // centroids being the normalised mean features of `clean`'s classes; averaged.
        public double Margin(float[] weights, ImageSet probe, ImageSet clean)
        {
            using var scope = NewDisposeScope();
            ModuleVectors.LoadVector(_model, Trainer.Layout, weights);
            _model.eval();
            using var noGrad = no_grad();
            var split = (IPenultimateModel)_model;
            var f = nn.functional.normalize(split.Features(ImageTensors.Images(probe, 0, probe.Count)), p: 2, dim: 1);
            var c = nn.functional.normalize(split.Features(ImageTensors.Images(clean, 0, clean.Count)), p: 2, dim: 1);
            var centroids = Enumerable.Range(0, clean.ClassCount)
                .Select(k => nn.functional.normalize(c.index_select(0, tensor(Enumerable.Range(0, clean.Count).Where(i => clean.Labels[i] == k).Select(i => (long)i).ToArray())).mean([0], keepdim: true), p: 2, dim: 1))
                .ToArray();
            var cos = f.matmul(cat(centroids, 0).t());
            var own = cos.gather(1, tensor(probe.Labels.Select(l => (long)l).ToArray()).view(-1, 1)).squeeze(1);
            return (cos.select(1, Target) - own).mean().item<float>();
        }

        public double Accuracy(float[] weights, ImageSet set)
        {
            using var scope = NewDisposeScope();
            ModuleVectors.LoadVector(_model, Trainer.Layout, weights);
            _model.eval();
            using var noGrad = no_grad();
            var labels = tensor(set.Labels.Select(l => (long)l).ToArray());
            return _model.forward(ImageTensors.Images(set, 0, set.Count)).argmax(1).eq(labels).to_type(ScalarType.Float64).mean().item<double>();
        }

        public double PredictedShare(float[] weights, ImageSet set, int label)
        {
            using var scope = NewDisposeScope();
            ModuleVectors.LoadVector(_model, Trainer.Layout, weights);
            _model.eval();
            using var noGrad = no_grad();
            return _model.forward(ImageTensors.Images(set, 0, set.Count)).argmax(1).eq(label).to_type(ScalarType.Float64).mean().item<double>();
        }

        public void Dispose()
        {
            Trainer.Dispose();
            _model.Dispose();
        }
    }
}
