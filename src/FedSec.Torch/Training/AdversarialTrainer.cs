using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Stages;
using FedSec.Torch.Data;
using FedSec.Torch.Parameters;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Training;

/// <summary>
/// A malicious client's own training (<see cref="AdversarialObjective"/>) on a <see cref="LocalTrainer"/>'s model, with
/// the configured optimizer, batch size and learning rate. Written here rather than taken from a library because the
/// objectives are the papers' own:
/// <list type="bullet">
/// <item><b>Explicit boosting</b> (Bhagoji et al., ICML 2019): steps on the malicious samples alone (the whole set per
/// step, as the authors' code feeds it), then the delta boosted: G + λ·(w − G).</item>
/// <item><b>Alternating minimisation</b> (Bhagoji et al., Algorithm "alternate" with the distance term): first a plain
/// benign training from G gives the benign estimate w_ben (the authors' <c>dist</c> strategy); then, from G, every
/// <c>ls</c> steps on the stealth objective CE(batch) + ρ/2·‖w − w_ben‖² are followed by one step on the malicious
/// objective whose change is boosted: w ← w_before + λ·(w_after − w_before). Two optimizers keep their own state, as in
/// the authors' code.</item>
/// <item><b>Constrained backdoor</b> (3DFed's backdoor training): a benign reference training from G, then from G the
/// loss a·CE(clean batch) + b·CE(the same batch with the trigger) + c·‖w − G‖₂, and the update scaled by
/// max(min(‖benign‖/‖backdoor‖, MaxScale), 1). A client told to send a decoy (<see cref="DecoyObjective"/>) then trains it
/// from G with (CE(clean batch) + the push on its parameter) / 2, the same batches and optimizer settings, and sends it
/// instead.</item>
/// <item><b>Contrastive backdoor</b> (Chameleon): <see cref="ContrastiveBackdoorTrainer"/> on the client's poisoned data,
/// with its own SGD settings and epochs (<see cref="ContrastiveBackdoorSettings"/>) and the configured batch size.</item>
/// </list>
/// Deltas, norms and scaling are over the trainable parameters; buffers come from the trained model.
/// </summary>
public static class AdversarialTrainer
{
    /// <summary>Trains <paramref name="objective"/> on <paramref name="trainer"/>'s model and returns the model to send.</summary>
    /// <param name="trainer">The trainer whose model instance is used (one client at a time).</param>
    /// <param name="data">The client's clean images.</param>
    /// <param name="global">The global model.</param>
    /// <param name="options">The configured local training (optimizer, batch size, learning rate, epochs).</param>
    /// <param name="objective">The attack's objective.</param>
    /// <param name="batchOrder">Draws each epoch's sample order.</param>
    /// <param name="torchSeed">Seeds dropout and torch's generator.</param>
    /// <param name="normalization">Per-channel normalisation; null feeds the pixels as they are.</param>
    /// <exception cref="ArgumentException">Invalid options or objective, or multi-label data.</exception>
    public static LocalTrainingResult Train(
        LocalTrainer trainer,
        ImageSet data,
        ReadOnlySpan<float> global,
        LocalTrainingOptions options,
        AdversarialObjective objective,
        Random batchOrder,
        long torchSeed,
        ChannelNormalization? normalization = null)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(batchOrder);
        options.Validate();
        var problems = objective.Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException("Invalid adversarial objective: " + string.Join(" ", problems), nameof(objective));
        }

        if (data.Targets is not null || objective.Malicious.Targets is not null)
        {
            throw new ArgumentException("Adversarial training needs single-label images; this data set has multi-label targets.", nameof(data));
        }

        if (objective.Kind == AdversarialTrainingKind.ConstrainedBackdoor && objective.Malicious.Count != data.Count)
        {
            throw new ArgumentException($"3DFed's backdoor set has {objective.Malicious.Count} images; it must hold one triggered copy of each of the client's {data.Count}.", nameof(objective));
        }

        var plain = options with
        {
            Constraint = null,
            Epochs = objective.Epochs > 0 ? objective.Epochs : options.Epochs,
            Optimizer = objective.Optimizer ?? options.Optimizer,
            LearningRate = objective.LearningRate ?? options.LearningRate,
        };
        var g = global.ToArray();
        return objective.Kind switch
        {
            AdversarialTrainingKind.ExplicitBoosting => new Run(trainer, data, plain, objective, normalization).Boosting(g, batchOrder, torchSeed),
            AdversarialTrainingKind.AlternatingMinimization => new Run(trainer, data, plain, objective, normalization).Alternating(g, batchOrder, torchSeed),
            AdversarialTrainingKind.ConstrainedBackdoor => new Run(trainer, data, plain, objective, normalization).Constrained(g, batchOrder, torchSeed),
            AdversarialTrainingKind.ContrastiveBackdoor => ContrastiveBackdoorTrainer.Train(trainer, data, g, options.BatchSize, objective.Contrastive!, batchOrder, torchSeed, normalization),
            _ => throw new ArgumentOutOfRangeException(nameof(objective), objective.Kind, "Unknown adversarial training kind."),
        };
    }

    /// <summary>G + f·(w − G) over the trainable coordinates; buffers stay w's.</summary>
    internal static float[] Scaled(float[] w, float[] g, ParameterLayout layout, double f)
    {
        var result = (float[])w.Clone();
        foreach (var e in layout.Entries.Where(e => e.Kind == ParameterKind.Trainable))
        {
            for (int k = e.Offset; k < e.Offset + e.Length; k++)
            {
                result[k] = (float)(g[k] + (f * ((double)w[k] - g[k])));
            }
        }

        return result;
    }

    /// <summary>‖w − G‖₂ over the trainable coordinates.</summary>
    internal static double TrainableDistance(float[] w, float[] g, ParameterLayout layout)
    {
        double sum = 0;
        foreach (var e in layout.Entries.Where(e => e.Kind == ParameterKind.Trainable))
        {
            for (int k = e.Offset; k < e.Offset + e.Length; k++)
            {
                double d = (double)w[k] - g[k];
                sum += d * d;
            }
        }

        return Math.Sqrt(sum);
    }

    /// <summary>
    /// 3DFed's decoy parameter: of <paramref name="decoy"/>'s layer, the weight of the rank-th smallest
    /// |backdoor − benign| (ties to the lower index; the rank wraps around the layer).
    /// </summary>
    internal static int DecoyParameter(float[] benign, float[] backdoor, DecoyObjective decoy)
    {
        var layer = decoy.Layer;
        var order = Enumerable.Range(layer.Offset, layer.Length).OrderBy(k => Math.Abs((double)backdoor[k] - benign[k])).ThenBy(k => k).ToArray();
        return order[decoy.Rank % order.Length];
    }

    private sealed class Run(LocalTrainer trainer, ImageSet data, LocalTrainingOptions options, AdversarialObjective objective, ChannelNormalization? normalization)
    {
        private readonly nn.Module<Tensor, Tensor> _model = trainer.Model;
        private readonly ParameterLayout _layout = trainer.Layout;

        // Steps on the malicious samples alone (each the whole set), as many as alternating minimisation would take;
        // then the boosted delta.
        public LocalTrainingResult Boosting(float[] g, Random order, long seed)
        {
            int batches = (data.Count + options.BatchSize - 1) / options.BatchSize;
            int steps = Math.Max(1, options.Epochs * batches / objective.BenignStepsPerMaliciousStep);
            ModuleVectors.LoadVector(_model, _layout, g);
            using var scope = NewDisposeScope();
            trainer.SeedRandomness(seed);
            _model.train();
            var trainable = Trainable();
            using var optimizer = LocalTrainer.CreateOptimizer(trainable, options);
            var (malImages, malLabels) = Tensors(objective.Malicious);
            double lossSum = 0;
            for (int s = 0; s < steps; s++)
            {
                using var stepScope = NewDisposeScope();
                optimizer.ZeroGrad();
                var loss = LocalTrainer.Loss(_model.forward(malImages), malLabels, multiLabel: false);
                loss.backward();
                optimizer.Step();
                lossSum += loss.item<float>();
            }

            var w = Scaled(ModuleVectors.ToVector(_model, _layout), g, _layout, objective.Boost);
            return new LocalTrainingResult(w, steps, lossSum / steps);
        }

        public LocalTrainingResult Alternating(float[] g, Random order, long seed)
        {
            // The benign estimate: the client's own plain training from G (the authors' "dist" strategy).
            var benign = trainer.Train(data, g, options, order, seed, normalization).Weights;
            using var scope = NewDisposeScope();
            var anchors = AnchorsAt(benign);
            ModuleVectors.LoadVector(_model, _layout, g);
            trainer.SeedRandomness(seed);
            _model.train();
            var trainable = Trainable();
            using var benignOptimizer = LocalTrainer.CreateOptimizer(trainable, options);
            using var maliciousOptimizer = LocalTrainer.CreateOptimizer(trainable, options);
            var (images, labels) = Tensors(data);
            var (malImages, malLabels) = Tensors(objective.Malicious);
            int n = data.Count, steps = 0;
            double lossSum = 0;
            long stepped = 0;
            foreach (var (epochImages, epochLabels, first, count, last) in Batches(images, labels, n, order))
            {
                using var stepScope = NewDisposeScope();
                benignOptimizer.ZeroGrad();
                var loss = LocalTrainer.Loss(_model.forward(epochImages.narrow(0, first, count)), epochLabels.narrow(0, first, count), multiLabel: false);
                var stealth = objective.Rho > 0 ? loss.Plus(SquaredDistance(trainable, anchors).Times(objective.Rho / 2)) : loss;
                stealth.backward();
                benignOptimizer.Step();
                lossSum += loss.item<float>() * (double)count;
                stepped += count;
                steps++;
                if (steps % objective.BenignStepsPerMaliciousStep == 0 || last)
                {
                    MaliciousStep(maliciousOptimizer, malImages, malLabels);
                }
            }

            return new LocalTrainingResult(ModuleVectors.ToVector(_model, _layout), steps, lossSum / Math.Max(stepped, 1));
        }

        public LocalTrainingResult Constrained(float[] g, Random order, long seed)
        {
            if (objective.CurvatureLayer is { } layer)
            {
                ModuleVectors.LoadVector(_model, _layout, g);
                using var curvatureScope = NewDisposeScope();
                var sets = new[] { Tensors(data), Tensors(objective.Malicious) };
                objective.ReceiveCurvature!(LossCurvature.OnLayer(_model, layer, sets, options.BatchSize));
            }

            var benign = trainer.Train(data, g, options, order, seed, normalization).Weights;
            double benignNorm = TrainableDistance(benign, g, _layout);
            using var scope = NewDisposeScope();
            var anchors = AnchorsAt(g);
            trainer.SeedRandomness(seed);
            _model.train();
            var trainable = Trainable();
            using var optimizer = LocalTrainer.CreateOptimizer(trainable, options);
            var (images, labels) = Tensors(data);
            var (backImages, backLabels) = Tensors(objective.Malicious);
            var both = cat([images, backImages], 1);
            var bothLabels = stack([labels, backLabels], 1);
            int n = data.Count, steps = 0;
            double lossSum = 0;
            long stepped = 0;
            foreach (var (epochBoth, epochLabels, first, count, _) in Batches(both, bothLabels, n, order))
            {
                using var stepScope = NewDisposeScope();
                optimizer.ZeroGrad();
                var batch = epochBoth.narrow(0, first, count);
                var batchLabels = epochLabels.narrow(0, first, count);
                int channels = data.Channels;
                var clean = LocalTrainer.Loss(_model.forward(batch.narrow(1, 0, channels)), batchLabels.select(1, 0), multiLabel: false);
                var backdoor = LocalTrainer.Loss(_model.forward(batch.narrow(1, channels, channels)), batchLabels.select(1, 1), multiLabel: false);

                // ‖w − G‖₂, with 1e-12 under the root so that its gradient at w = G (the first step) is 0, not NaN.
                var distance = SquaredDistance(trainable, anchors).Plus(1e-12).sqrt();
                var total = clean.Times(objective.CleanWeight).Plus(backdoor.Times(objective.MaliciousWeight)).Plus(distance.Times(objective.DistanceWeight));
                total.backward();
                optimizer.Step();
                lossSum += total.item<float>() * (double)count;
                stepped += count;
                steps++;
            }

            var w = ModuleVectors.ToVector(_model, _layout);
            double backdoorNorm = TrainableDistance(w, g, _layout);
            double f = backdoorNorm > 0 ? Math.Max(Math.Min(benignNorm / backdoorNorm, objective.MaxScale), 1) : 1;
            var backdoorModel = Scaled(w, g, _layout, f);
            return objective.Decoy is { } decoy
                ? Decoy(g, benign, backdoorModel, decoy, order, seed)
                : new LocalTrainingResult(backdoorModel, steps, lossSum / Math.Max(stepped, 1));
        }

        // 3DFed's decoy (DecoyObjective): from G, (cross-entropy + the push on parameter p away from the benign model) / 2.
        private LocalTrainingResult Decoy(float[] g, float[] benign, float[] backdoor, DecoyObjective decoy, Random order, long seed)
        {
            int p = DecoyParameter(benign, backdoor, decoy);
            var layer = decoy.Layer;
            using var scope = NewDisposeScope();
            ModuleVectors.LoadVector(_model, _layout, g);
            trainer.SeedRandomness(seed);
            _model.train();
            var weight = _model.named_parameters().Where(q => q.name == layer.Name && q.parameter.requires_grad).Select(q => q.parameter).FirstOrDefault()
                ?? throw new ArgumentException($"The model has no trainable parameter named {layer.Name}, the decoy's layer.", nameof(decoy));
            using var optimizer = LocalTrainer.CreateOptimizer(Trainable(), options);
            var (images, labels) = Tensors(data);
            float target = benign[p];
            int n = data.Count, steps = 0;
            double lossSum = 0;
            long stepped = 0;
            foreach (var (epochRows, epochLabels, first, count, _) in Batches(images, labels, n, order))
            {
                using var stepScope = NewDisposeScope();
                optimizer.ZeroGrad();
                var ce = LocalTrainer.Loss(_model.forward(epochRows.narrow(0, first, count)), epochLabels.narrow(0, first, count), multiLabel: false);
                var difference = weight.view(-1)[p - layer.Offset].Minus(target);

                // |d| written as d·sign(d) with sign(0) = +1: autograd's |d| has no gradient at d = 0, where the decoy starts
                // when training left the parameter where G has it.
                double d = difference.item<float>();
                var distance = difference.Times(d >= 0 ? 1 : -1);
                var push = Math.Abs(d) > decoy.Threshold ? distance.Times(1e-10) : distance.Times(-10);
                var total = ce.Plus(push).Times(0.5);
                total.backward();
                optimizer.Step();
                lossSum += total.item<float>() * (double)count;
                stepped += count;
                steps++;
            }

            return new LocalTrainingResult(ModuleVectors.ToVector(_model, _layout), steps, lossSum / Math.Max(stepped, 1));
        }

        // One step on the whole malicious set, its change boosted by λ.
        private void MaliciousStep(ILocalOptimizer optimizer, Tensor images, Tensor labels)
        {
            var before = ModuleVectors.ToVector(_model, _layout);
            using (var stepScope = NewDisposeScope())
            {
                optimizer.ZeroGrad();
                LocalTrainer.Loss(_model.forward(images), labels, multiLabel: false).backward();
                optimizer.Step();
            }

            if (objective.Boost != 1)
            {
                ModuleVectors.LoadVector(_model, _layout, Scaled(ModuleVectors.ToVector(_model, _layout), before, _layout, objective.Boost));
            }
        }

        // Each epoch's permuted rows, batch by batch: (rows, labels, first, count, last batch of the run).
        private IEnumerable<(Tensor Rows, Tensor Labels, int First, int Count, bool Last)> Batches(Tensor rows, Tensor labels, int n, Random order)
        {
            int batches = (n + options.BatchSize - 1) / options.BatchSize;
            var index = new long[n];
            for (int epoch = 0; epoch < options.Epochs; epoch++)
            {
                var permutation = order.Permutation(n);
                for (int i = 0; i < n; i++)
                {
                    index[i] = permutation[i];
                }

                using var epochScope = NewDisposeScope();
                var t = tensor(index);
                var epochRows = rows.index_select(0, t);
                var epochLabels = labels.index_select(0, t);
                for (int b = 0; b < batches; b++)
                {
                    int first = b * options.BatchSize;
                    yield return (epochRows, epochLabels, first, Math.Min(options.BatchSize, n - first), epoch == options.Epochs - 1 && b == batches - 1);
                }
            }
        }

        private Parameter[] Trainable() => _model.parameters().Where(p => p.requires_grad).ToArray();

        private Tensor[] AnchorsAt(float[] weights)
        {
            ModuleVectors.LoadVector(_model, _layout, weights);
            return Trainable().Select(p => p.detach().clone()).ToArray();
        }

        private (Tensor Images, Tensor Labels) Tensors(ImageSet set)
        {
            var images = ImageTensors.Images(set, 0, set.Count);
            normalization?.ApplyInPlace(images);
            return (images, ImageTensors.Labels(set, 0, set.Count));
        }

        private static Tensor SquaredDistance(Parameter[] trainable, Tensor[] anchors)
        {
            Tensor? sum = null;
            for (int i = 0; i < trainable.Length; i++)
            {
                var diff = trainable[i] - anchors[i];
                var d = (diff * diff).sum();
                sum = sum is null ? d : sum.Plus(d);
            }

            return sum!;
        }
    }
}
