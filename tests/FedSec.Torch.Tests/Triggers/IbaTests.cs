using FedSec.Configuration;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;
using FedSec.Torch.Triggers;
using FedSec.Torch.Triggers.Iba;

namespace FedSec.Torch.Tests.Triggers;

public sealed class IbaTests : IDisposable
{
    private readonly OneTensorThread _threads = new();

    private static readonly IbaOptions Small = new() { TargetLabel = 2, GeneratorEpochs = 30, Epsilon = 0.3 };

    private static ClientContext Client(int round, int id, float[]? global) =>
        new() { Round = round, ClientId = id, Seeds = new SeedStreams(7), GlobalModel = global };

    [Theory]
    [InlineData(0.05)]
    [InlineData(0.3)]
    [InlineData(1.0)]
    public void Poison_AnyGenerator_ImagesStayWithinEpsilonInLInfinityAndInTheDataRange(double epsilon)
    {
        using var trigger = new IbaTrigger(1, epsilon, seed: 3);
        var rng = new Random(4);
        trigger.Load(trigger.Weights().Select(w => w * 20f * (float)rng.NextDouble()).ToArray());
        var clean = TestImages.Random(20, 1, 8, 8, 4, seed: 5);
        var poisoned = clean.Clone();

        trigger.Poison(poisoned, Enumerable.Range(0, 20).ToArray(), batchSize: 7);

        double max = clean.Pixels.Zip(poisoned.Pixels, (a, b) => Math.Abs(a - b)).Max();
        Assert.InRange(max, 1e-4, epsilon + 1e-6);
        Assert.All(poisoned.Pixels, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void Train_AgainstATrainedModel_GeneratedImagesReachTheTargetFarMoreThanRandomNoiseOfTheSameBudget()
    {
        var heldOut = TriggerSamples.NonTarget(TriggerScenario.Bands(200, seed: 8), target: 2);
        using var backend = TriggerScenario.Backend();
        var global = TriggerScenario.TrainedGlobal(backend, TriggerScenario.Bands(64, seed: 2));
        using var model = new InputGradientModel(TriggerScenario.Settings().Model, TriggerScenario.Info);
        model.Load(global);
        using var trigger = new IbaTrigger(1, 0.5, seed: 3);

        int epochs = trigger.Train(model, TriggerScenario.Bands(64, seed: 6), 2, 0.01, 40, 16, new Random(0));

        var generated = heldOut.Clone();
        trigger.Poison(generated, Enumerable.Range(0, generated.Count).ToArray(), 64);
        var rng = new Random(9);
        var noisy = heldOut.Clone();
        for (int i = 0; i < noisy.Pixels.Length; i++)
        {
            noisy.Pixels[i] = Math.Clamp(noisy.Pixels[i] + (rng.Next(2) == 0 ? -0.5f : 0.5f), 0f, 1f);
        }

        double asr = TriggerScenario.Asr(backend, global, generated, 2), noise = TriggerScenario.Asr(backend, global, noisy, 2);
        Assert.True(asr > noise + 0.3, $"generated ASR {asr:F3}, random ±ε noise {noise:F3}, after {epochs} epochs");
        Assert.InRange(epochs, 1, 40);
    }

    [Fact]
    public void Constraint_FrozenCoordinatesResetThenProjectedOntoTheBall_HandComputed()
    {
        var layout = new ParameterLayout(new[] { ("w", (IReadOnlyList<long>)new long[] { 3 }, ParameterKind.Trainable) });
        var weights = new float[] { 3, 9, 4 };
        var global = new float[] { 0, 1, 0 };

        new IbaConstraint(new[] { false, true, false }, radius: 1).Apply(weights, global, layout);

        // (3, 9, 4) → frozen middle reset to 1 → update (3, 0, 4) has norm 5 → scaled to norm 1: (0.6, 1, 0.8).
        Assert.Equal(new float[] { 0.6f, 1f, 0.8f }, weights);
    }

    [Fact]
    public void Mask_RatioThreeQuarters_FreezesTheQuarterOfLargestCleanGradientMagnitudes()
    {
        using var backend = TriggerScenario.Backend("lr");
        var global = TriggerScenario.TrainedGlobal(backend, TriggerScenario.Bands(64, seed: 2), epochs: 1);
        using var model = new InputGradientModel(TriggerScenario.Settings("lr").Model, TriggerScenario.Info);
        model.Load(global);
        var clean = TriggerScenario.Bands(20, seed: 3);

        var gradient = IbaMask.Gradient(model, clean, 8);
        var frozen = IbaMask.Frozen(model, clean, 8, 0.75);

        // Logistic regression: the bias gradient of one batch is mean(softmax − onehot); summed over the batches.
        var probabilities = Softmaxes(global, clean);
        for (int k = 0; k < 4; k++)
        {
            double expected = 0;
            for (int first = 0; first < 20; first += 8)
            {
                int count = Math.Min(8, 20 - first);
                expected += Enumerable.Range(first, count).Sum(i => probabilities[i][k] - (clean.Labels[i] == k ? 1 : 0)) / count;
            }

            Assert.Equal(expected, gradient[(64 * 4) + k], 4);
        }

        Assert.Equal((int)Math.Ceiling(0.25 * gradient.Length), frozen.Count(f => f));
        double smallestFrozen = gradient.Where((_, k) => frozen[k]).Min(Math.Abs);
        double largestFree = gradient.Where((_, k) => !frozen[k]).Max(Math.Abs);
        Assert.True(smallestFrozen >= largestFree);
    }

    [Fact]
    public void PoisonData_ThenConstraintFor_HalfTheSetGeneratedAndTheClientsMaskInItsConstraint()
    {
        using var backend = TriggerScenario.Backend();
        var global = TriggerScenario.TrainedGlobal(backend, TriggerScenario.Bands(64, seed: 2));
        using var attack = new IbaAttack(Small with { GeneratorEpochs = 2 }, TriggerScenario.Settings());
        var clean = TriggerScenario.Bands(40, seed: 3);

        var set = attack.PoisonData(clean.Clone(), Client(0, 4, global));
        var constraint = attack.ConstraintFor(Client(0, 4, global));

        Assert.Equal(1, attack.TriggerVersion);
        var changed = Enumerable.Range(0, 40).Where(i => set.Labels[i] != clean.Labels[i] || !set.Image(i).SequenceEqual(clean.Image(i))).ToArray();
        Assert.InRange(changed.Length, 15, 20);
        Assert.Equal(20, Enumerable.Range(0, 40).Count(i => set.Labels[i] == 2 && clean.Labels[i] != 2) + Enumerable.Range(0, 40).Count(i => clean.Labels[i] == 2 && !set.Image(i).SequenceEqual(clean.Image(i))));
        var weights = global.Select(w => w + 1f).ToArray();
        constraint!.Apply(weights, global, backend.Layout);
        Assert.Contains(Enumerable.Range(0, weights.Length), k => weights[k] == global[k]);
    }

    [Fact]
    public void ReadState_IntoAFreshAttack_SameGeneratedTestSet()
    {
        using var backend = TriggerScenario.Backend();
        var global = TriggerScenario.TrainedGlobal(backend, TriggerScenario.Bands(64, seed: 2));
        using var attack = new IbaAttack(Small with { GeneratorEpochs = 2 }, TriggerScenario.Settings());
        attack.PoisonData(TriggerScenario.Bands(40, seed: 3), Client(0, 1, global));
        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            attack.WriteState(writer);
        }

        using var fresh = new IbaAttack(Small, TriggerScenario.Settings());
        var test = TriggerScenario.Bands(30, seed: 9);
        Assert.NotEqual(attack.TriggeredTestSet(test).Pixels, fresh.TriggeredTestSet(test).Pixels);
        state.Position = 0;
        fresh.ReadState(new BinaryReader(state));

        Assert.Equal(attack.TriggeredTestSet(test).Pixels, fresh.TriggeredTestSet(test).Pixels);
    }

    [Fact]
    public void PoisonData_TargetBeyondTheClasses_ConfigExceptionNamesTargetLabel()
    {
        using var attack = new IbaAttack(Small with { TargetLabel = 7 }, TriggerScenario.Settings());

        var e = Assert.Throws<ConfigException>(() => attack.PoisonData(TriggerScenario.Bands(8, seed: 3), Client(0, 1, null)));

        Assert.Equal("attack_args.target_label", Assert.Single(e.Problems).Key);
    }

    private static double[][] Softmaxes(float[] weights, ImageSet set)
    {
        using var model = new InputGradientModel(TriggerScenario.Settings("lr").Model, TriggerScenario.Info);
        model.Load(weights);
        using var scope = TorchSharp.torch.NewDisposeScope();
        var logits = model.Logits(FedSec.Torch.Data.ImageTensors.Images(set, 0, set.Count)).detach();
        var p = TorchSharp.torch.nn.functional.softmax(logits, 1).data<float>().ToArray();
        return Enumerable.Range(0, set.Count).Select(i => p.Skip(i * 4).Take(4).Select(v => (double)v).ToArray()).ToArray();
    }

    public void Dispose() => _threads.Dispose();
}
