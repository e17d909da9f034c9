using FedSec.Attacks.AlterMin;
using FedSec.Attacks.ThreeDFed;
using FedSec.Configuration;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;
using FedSec.Torch.Evaluation;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Training;

public partial class AdversarialTrainerTests
{
    private static readonly ModelCatalog Catalog = ModelCatalog.CreateBuiltIn();
    private static readonly LocalTrainingOptions Options = new() { Epochs = 1, BatchSize = 10, LearningRate = 0.1 };

    [Fact]
    public void ExplicitBoosting_OneStep_IsTheBoostedFullBatchStepOnTheMaliciousSamples()
    {
        using var setup = new Setup();
        var malicious = Learnable(3, seed: 5);
        var objective = new AdversarialObjective { Kind = AdversarialTrainingKind.ExplicitBoosting, Malicious = malicious, Boost = 4, Epochs = 1 };

        // 4 samples in batches of 10: one step on the stealth side, hence one malicious step.
        var result = AdversarialTrainer.Train(setup.Trainer, Learnable(4, seed: 6), setup.Global, Options, objective, new Random(1), 2);
        var plain = setup.Trainer.Train(malicious, setup.Global, Options, new Random(1), 2).Weights;

        Assert.Equal(1, result.Steps);
        for (int k = 0; k < plain.Length; k++)
        {
            Assert.Equal(setup.Global[k] + (4 * (plain[k] - setup.Global[k])), result.Weights[k], 1e-5);
        }
    }

    [Fact]
    public void AlterMin_TargetsMisclassifiedAfterAveraging_AndCloserToTheBenignUpdatesThanExplicitBoosting()
    {
        using var setup = new Setup(pretrain: true);
        var test = Learnable(40, seed: 30);
        var benign = Enumerable.Range(0, 3).Select(c => setup.Trainer.Train(Learnable(20, seed: 40 + c), setup.Global, Options, new Random(c), c).Weights).ToArray();
        var own = Learnable(20, seed: 50);
        var alternating = Attack(setup, test, own, AlterMinStrategy.Alternating);
        var boosting = Attack(setup, test, own, AlterMinStrategy.Boosting);
        var targets = new AlterMinAttack(new AlterMinOptions { TargetLabel = 7, Targets = 2 }).TriggeredTestSet(test);

        var meanBenign = Mean(benign, setup.Global);
        foreach (var (name, attack) in new[] { ("alternating", alternating), ("boosting", boosting) })
        {
            var global = Average(benign.Append(attack).ToArray());
            Assert.True(setup.PredictedShare(global, targets, 7) == 1, $"{name}: {setup.PredictedShare(global, targets, 7)} of the targets classified as 7 after averaging");
        }

        Assert.True(setup.PredictedShare(setup.Global, targets, 7) == 0, "before the attack the targets are not classified as 7");
        double alternatingDistance = Distance(Delta(alternating, setup.Global), meanBenign);
        double boostingDistance = Distance(Delta(boosting, setup.Global), meanBenign);
        Assert.True(alternatingDistance < 0.8 * boostingDistance, $"alternating {alternatingDistance} vs boosting {boostingDistance}");
    }

    [Fact]
    public void ThreeDFed_PassesANormDetectorThatPlainBackdoorWithScalingFails_AndLearnsTheBackdoor()
    {
        using var setup = new Setup(pretrain: true);
        var benign = Enumerable.Range(0, 5).Select(c => setup.Trainer.Train(Learnable(40, seed: 60 + c), setup.Global, Options, new Random(c), c).Weights).ToArray();
        var norms = benign.Select(w => Distance(Delta(w, setup.Global), new double[w.Length])).Order().ToArray();
        double bound = 1.5 * norms[norms.Length / 2]; // flag an update longer than 1.5 × the median benign norm

        var own = Learnable(40, seed: 70);
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 2, Backdoor = new() { Size = 4, TargetLabel = 7 } });
        var objective = attack.ObjectiveFor(own, new ClientContext { Round = 0, ClientId = 0, Seeds = new SeedStreams(1) });
        var threeDFed = AdversarialTrainer.Train(setup.Trainer, own, setup.Global, Options, objective, new Random(9), 9).Weights;

        // Plain backdoor with model replacement: 30 % of the data stamped and relabelled, trained, scaled by n = 6.
        var poisoned = own.Clone();
        FedSec.Attacks.Backdoor.BackdoorPoisoner.Poison(poisoned, new FedSec.Attacks.Backdoor.BackdoorOptions { Size = 4 }.Trigger(), 0.3, 7, new Random(3));
        var plainTrained = setup.Trainer.Train(poisoned, setup.Global, Options, new Random(9), 9).Weights;
        var plain = AdversarialTrainer.Scaled(plainTrained, setup.Global, setup.Trainer.Layout, 6);

        Assert.True(Norm(plain, setup.Global) > bound, $"plain backdoor + scaling: {Norm(plain, setup.Global)} must exceed {bound}");
        Assert.True(Norm(threeDFed, setup.Global) <= bound, $"3DFed: {Norm(threeDFed, setup.Global)} must stay within {bound} (benign norms {string.Join(", ", norms)})");
        var triggered = attack.TriggeredTestSet(Learnable(40, seed: 80));
        Assert.True(
            setup.PredictedShare(threeDFed, triggered, 7) > setup.PredictedShare(setup.Global, triggered, 7) + 0.3,
            $"3DFed's model must learn the backdoor: {setup.PredictedShare(threeDFed, triggered, 7)} vs {setup.PredictedShare(setup.Global, triggered, 7)}");
    }

    [Fact]
    public void Train_SameInputsAndSeeds_SameWeights()
    {
        using var setup = new Setup();
        var own = Learnable(20, seed: 90);
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 2, Backdoor = new() { TargetLabel = 7 } });
        var objective = attack.ObjectiveFor(own, new ClientContext { Round = 0, ClientId = 0, Seeds = new SeedStreams(1) });
        var first = AdversarialTrainer.Train(setup.Trainer, own, setup.Global, Options, objective, new Random(4), 4);
        var second = AdversarialTrainer.Train(setup.Trainer, own, setup.Global, Options, objective, new Random(4), 4);
        Assert.Equal(first.Weights, second.Weights);
        Assert.NotEqual(setup.Global, first.Weights);
    }

    [Fact]
    public void AlterMin_OwnOptimizer_TrainsAsTheConfiguredOptimizerWouldAndNotAsTheClients()
    {
        using var setup = new Setup();
        var own = Learnable(20, seed: 91);
        var objective = new AdversarialObjective { Kind = AdversarialTrainingKind.AlternatingMinimization, Malicious = Learnable(3, seed: 92), Boost = 2, Rho = 1e-3, Epochs = 1 };
        var adam = Options with { Optimizer = ClientOptimizer.Adam, LearningRate = 1e-3 };

        var withOwn = AdversarialTrainer.Train(setup.Trainer, own, setup.Global, Options, objective with { Optimizer = ClientOptimizer.Adam, LearningRate = 1e-3 }, new Random(4), 4);
        var configuredAdam = AdversarialTrainer.Train(setup.Trainer, own, setup.Global, adam, objective, new Random(4), 4);
        var clients = AdversarialTrainer.Train(setup.Trainer, own, setup.Global, Options, objective, new Random(4), 4);

        Assert.Equal(configuredAdam.Weights, withOwn.Weights);
        Assert.NotEqual(clients.Weights, withOwn.Weights);
    }

    [Fact]
    public void Train_InvalidObjective_NamesTheProperty()
    {
        using var setup = new Setup();
        var objective = new AdversarialObjective { Kind = AdversarialTrainingKind.AlternatingMinimization, Malicious = Learnable(2, 1), Boost = 0.5 };
        var e = Assert.Throws<ArgumentException>(() => AdversarialTrainer.Train(setup.Trainer, Learnable(4, 2), setup.Global, Options, objective, new Random(1), 1));
        Assert.Contains("Boost", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scaled_HandComputed_TrainableOnlyBuffersKept()
    {
        var layout = new ParameterLayout(new[]
        {
            ("w", (IReadOnlyList<long>)new long[] { 2 }, ParameterKind.Trainable),
            ("bn.running_mean", (IReadOnlyList<long>)new long[] { 1 }, ParameterKind.Buffer),
        });
        Assert.Equal([1f + (3 * 0.5f), 2f - (3 * 1f), 7f], AdversarialTrainer.Scaled([1.5f, 1f, 7f], [1f, 2f, 5f], layout, 3));
        Assert.Equal(Math.Sqrt(0.25 + 1), AdversarialTrainer.TrainableDistance([1.5f, 1f, 7f], [1f, 2f, 5f], layout), 12);
    }

    private static float[] Attack(Setup setup, ImageSet test, ImageSet own, AlterMinStrategy strategy)
    {
        var attack = new AlterMinAttack(new AlterMinOptions { TargetLabel = 7, Targets = 2, Strategy = strategy });
        attack.TriggeredTestSet(test);
        var objective = attack.ObjectiveFor(own, new ClientContext { Round = 0, ClientId = 3, Seeds = new SeedStreams(1) });
        return AdversarialTrainer.Train(setup.Trainer, own, setup.Global, Options, objective, new Random(8), 8).Weights;
    }

    // Ten classes, each a bright horizontal band of 2 rows at its own height on faint noise: learnable by "lr" in a few steps.
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

    private static double[] Delta(float[] w, float[] g) => w.Zip(g, (a, b) => (double)a - b).ToArray();

    private static double[] Mean(float[][] models, float[] g) =>
        Enumerable.Range(0, g.Length).Select(k => models.Average(m => (double)m[k] - g[k])).ToArray();

    private static float[] Average(float[][] models) =>
        Enumerable.Range(0, models[0].Length).Select(k => (float)models.Average(m => (double)m[k])).ToArray();

    private static double Distance(double[] a, double[] b) => Math.Sqrt(a.Zip(b, (x, y) => (x - y) * (x - y)).Sum());

    private static double Norm(float[] w, float[] g) => Distance(Delta(w, g), new double[w.Length]);

    private sealed class Setup : IDisposable
    {
        private readonly nn.Module<Tensor, Tensor> _model;
        private readonly Evaluator _evaluator;

        public Setup(bool pretrain = false)
        {
            random.manual_seed(11);
            _model = Catalog.Create("lr", new ImageShape(1, 28, 28), 10);
            var layout = ModuleVectors.LayoutOf(_model);
            Trainer = new LocalTrainer(_model, layout);
            _evaluator = new Evaluator(_model, layout);
            Global = ModuleVectors.ToVector(_model, layout);
            if (pretrain)
            {
                Global = Trainer.Train(Learnable(30, seed: 20), Global, Options, new Random(2), 2).Weights;
            }
        }

        public LocalTrainer Trainer { get; }

        public float[] Global { get; }

        public double Accuracy(float[] weights, ImageSet set)
        {
            var r = _evaluator.Evaluate(weights, set);
            return r.Correct / (double)r.Count;
        }

        public double PredictedShare(float[] weights, ImageSet set, int label)
        {
            var r = _evaluator.Evaluate(weights, set);
            return Enumerable.Range(0, r.ClassCount).Sum(t => r.Confusion[t, label]) / (double)r.Count;
        }

        public void Dispose()
        {
            Trainer.Dispose();
            _model.Dispose();
        }
    }
}
