using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Stages;
using FedSec.Torch.Data;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace FedSec.Torch.Training;

/// <summary>
/// Chameleon's two-stage training of a malicious client (Dai and Li, ICML 2023; the authors' <c>training.py</c>), on
/// the client's poisoned set (poisoned samples already stamped and labelled the target), from the global model:
/// <list type="number">
/// <item>Contrastive stage: the encoder (every trainable parameter but the head's; the authors' contrastive model has
/// no head) trained with SGD on
/// <see cref="SupervisedContrastiveLoss"/> of the L2-normalised penultimate features
/// (<see cref="IPenultimateModel.Features"/>, the authors' <c>SupConResNet</c> without a projection head), in the
/// model's training mode.</item>
/// <item>Head stage: the encoder frozen (evaluation mode, its features computed once without gradient), the classifier
/// head (<see cref="IPenultimateModel.Head"/>) trained with SGD on cross-entropy over the same samples.</item>
/// </list>
/// Each stage's learning rate follows its milestones (PyTorch's <c>MultiStepLR</c> stepped at the start of each epoch);
/// after every step of either stage the model is projected into the ball of
/// <see cref="ContrastiveBackdoorSettings.ProjectionNorm"/> around the global model over all trainable parameters, as the
/// authors' code does: the head stage never trains the encoder, but when the projection binds it shrinks the encoder's
/// change from the first stage along with the head's. Written here because the stages and the authors' weighting are the
/// paper's own.
/// </summary>
internal static class ContrastiveBackdoorTrainer
{
    /// <summary>Trains and returns the model to send; the steps are both stages', the loss the head stage's mean cross-entropy.</summary>
    /// <exception cref="ArgumentException">The model has no Features/Head split, or its head is not one of its linear layers.</exception>
    public static LocalTrainingResult Train(
        LocalTrainer trainer,
        ImageSet data,
        float[] global,
        int batchSize,
        ContrastiveBackdoorSettings settings,
        Random order,
        long torchSeed,
        ChannelNormalization? normalization)
    {
        var model = trainer.Model;
        var split = model as IPenultimateModel
            ?? throw new ArgumentException($"Chameleon trains the encoder apart from the classifier head; the model '{model.GetName()}' does not expose that split (IPenultimateModel).", nameof(trainer));
        var layout = trainer.Layout;
        ModuleVectors.LoadVector(model, layout, global);
        using var scope = NewDisposeScope();
        var images = ImageTensors.Images(data, 0, data.Count);
        normalization?.ApplyInPlace(images);
        var labels = ImageTensors.Labels(data, 0, data.Count);
        var trainable = model.parameters().Where(p => p.requires_grad).ToArray();
        var anchors = trainable.Select(p => p.detach().clone()).ToArray();
        var head = HeadParameters(split).Select(p => p.Handle).ToHashSet();
        var encoder = trainable.Where(p => !head.Contains(p.Handle)).ToArray();
        var headParameters = trainable.Where(p => head.Contains(p.Handle)).ToArray();

        trainer.SeedRandomness(torchSeed);
        int steps = ContrastiveStage(model, split, encoder, trainable, anchors, images, labels, batchSize, settings, order);
        var (headSteps, loss) = HeadStage(model, split, headParameters, trainable, anchors, images, labels, batchSize, settings, order);
        return new LocalTrainingResult(ModuleVectors.ToVector(model, layout), steps + headSteps, loss);
    }

    /// <summary>The trainable parameters of <paramref name="split"/>'s head (<see cref="IPenultimateModel.HeadParameters"/>).</summary>
    internal static Parameter[] HeadParameters(IPenultimateModel split) => split.HeadParameters().Where(p => p.requires_grad).ToArray();


    // The encoder alone is optimised (the authors' contrastive model has no head); the projection is over every
    // trainable parameter, the head's change being zero here.
    private static int ContrastiveStage(
        nn.Module<Tensor, Tensor> model, IPenultimateModel split, Parameter[] encoder, Parameter[] trainable, Tensor[] anchors, Tensor images, Tensor labels, int batchSize, ContrastiveBackdoorSettings s, Random order)
    {
        model.train();
        using var optimizer = new KeptAliveSgd(encoder, s.ContrastiveLearningRate, s.Momentum, s.WeightDecay);
        int steps = 0;
        for (int epoch = 1; epoch <= s.ContrastiveEpochs; epoch++)
        {
            optimizer.LearningRate = ContrastiveBackdoorSettings.ScheduledRate(s.ContrastiveLearningRate, s.ContrastiveMilestones, s.ContrastiveGamma, epoch);
            foreach (var (batch, batchLabels) in Batches(images, labels, batchSize, order))
            {
                // A batch of one sample has no pair to contrast (the authors' loss is then NaN): skipped.
                if (batch.shape[0] < 2)
                {
                    continue;
                }

                using var stepScope = NewDisposeScope();
                optimizer.ZeroGrad();
                var features = nn.functional.normalize(split.Features(batch), p: 2, dim: 1);
                SupervisedContrastiveLoss.Compute(features, batchLabels, s.Temperature, s.FacilitatorLabel, s.FacilitatorWeight, ContrastiveBackdoorSettings.BaseTemperature).backward();
                optimizer.Step();
                if (s.ProjectionNorm > 0)
                {
                    Project(trainable, anchors, s.ProjectionNorm);
                }

                steps++;
            }
        }

        return steps;
    }

    private static (int Steps, double Loss) HeadStage(
        nn.Module<Tensor, Tensor> model, IPenultimateModel split, Parameter[] head, Parameter[] trainable, Tensor[] anchors, Tensor images, Tensor labels, int batchSize, ContrastiveBackdoorSettings s, Random order)
    {
        model.eval();
        Tensor features;
        using (no_grad())
        {
            features = cat(Enumerable.Range(0, (int)((images.shape[0] + batchSize - 1) / batchSize))
                .Select(b => split.Features(images.narrow(0, b * (long)batchSize, Math.Min(batchSize, images.shape[0] - (b * (long)batchSize)))))
                .ToArray(), 0);
        }

        using var optimizer = new KeptAliveSgd(head, s.HeadLearningRate, s.Momentum, s.WeightDecay);
        int steps = 0;
        double lossSum = 0;
        long samples = 0;
        for (int epoch = 1; epoch <= s.HeadEpochs; epoch++)
        {
            optimizer.LearningRate = ContrastiveBackdoorSettings.ScheduledRate(s.HeadLearningRate, s.HeadMilestones, s.HeadGamma, epoch);
            foreach (var (batch, batchLabels) in Batches(features, labels, batchSize, order))
            {
                using var stepScope = NewDisposeScope();
                optimizer.ZeroGrad();
                var loss = nn.functional.cross_entropy(split.Head(batch), batchLabels);
                loss.backward();
                optimizer.Step();
                if (s.ProjectionNorm > 0)
                {
                    Project(trainable, anchors, s.ProjectionNorm);
                }

                lossSum += loss.item<float>() * (double)batch.shape[0];
                samples += batch.shape[0];
                steps++;
            }
        }

        return (steps, samples > 0 ? lossSum / samples : 0);
    }

    // Each epoch's permuted rows, batch by batch (the last partial batch kept), as LocalTrainer draws them.
    private static IEnumerable<(Tensor Rows, Tensor Labels)> Batches(Tensor rows, Tensor labels, int batchSize, Random order)
    {
        int n = (int)rows.shape[0];
        var permutation = order.Permutation(n).Select(i => (long)i).ToArray();
        using var epochScope = NewDisposeScope();
        var index = tensor(permutation);
        var epochRows = rows.index_select(0, index);
        var epochLabels = labels.index_select(0, index);
        for (int first = 0; first < n; first += batchSize)
        {
            int count = Math.Min(batchSize, n - first);
            yield return (epochRows.narrow(0, first, count), epochLabels.narrow(0, first, count));
        }
    }

    // Shrinks the change of `parameters` from `anchors` onto the ball of radius `radius` when it lies outside (the
    // authors' projection after each step). A coordinate that has not changed stays bit-identical: a + 0·f = a.
    private static void Project(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> anchors, double radius)
    {
        double distance = Math.Sqrt(SquaredDistance(parameters, anchors));
        if (distance <= radius)
        {
            return;
        }

        double factor = radius / distance;
        using var noGrad = no_grad();
        for (int i = 0; i < parameters.Count; i++)
        {
            using var delta = parameters[i] - anchors[i];
            parameters[i].copy_(anchors[i].Plus(delta.Times(factor)));
        }
    }

    private static double SquaredDistance(IReadOnlyList<Tensor> parameters, IReadOnlyList<Tensor> anchors)
    {
        double sum = 0;
        using var noGrad = no_grad();
        for (int i = 0; i < parameters.Count; i++)
        {
            using var scope = NewDisposeScope();
            var delta = (parameters[i] - anchors[i]).to_type(ScalarType.Float64);
            sum += (delta * delta).sum().item<double>();
        }

        return sum;
    }
}
