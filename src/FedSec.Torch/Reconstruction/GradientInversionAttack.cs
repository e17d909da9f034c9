using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;
using FedSec.Torch.Models;
using FedSec.Torch.Parameters;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Reconstruction;

/// <summary>
/// The server-side gradient-inversion attacks DLG (Zhu, Liu and Han, "Deep Leakage from Gradients", NeurIPS 2019) and
/// iDLG (Zhao, Mopuri and Bilen, "iDLG: Improved Deep Leakage from Gradients", 2020) on the experiment's own model and
/// data set. In an attacked round the server takes one client's local model w and the global model G, recovers the
/// gradient g = (G − w)/(η·steps) (<see cref="ObservedGradient"/>), and searches an input whose gradient at G matches
/// g (<see cref="GradientInversion"/>). It only observes: the updates are never changed. Quality is measured against
/// the client's clean data (<see cref="RoundContext.ClientData"/>), matching the reconstruction with the closest of
/// the client's samples; the images are written as PNG when the run has an output directory.
/// </summary>
internal sealed class GradientInversionAttack : IDataReconstructionAttack
{
    private readonly ReconstructionMethod _method;
    private readonly GradientInversionOptions _options;
    private readonly ModelDescriptor _model;
    private readonly DatasetInfo _data;
    private readonly LocalStepSettings _training;
    private nn.Module<Tensor, Tensor>? _module;

    public GradientInversionAttack(ReconstructionMethod method, GradientInversionOptions options, ModelDescriptor model, DatasetInfo data, LocalStepSettings training)
    {
        _method = method;
        _options = options;
        _model = model;
        _data = data;
        _training = training;
    }

    private string Name => _method == ReconstructionMethod.Dlg ? "dlg" : "idlg";

    public IReadOnlyList<ReconstructionReport> ReconstructData(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(context);
        if (updates.Count == 0 || !_options.Attacks(context.Round, context.TotalRounds))
        {
            return Array.Empty<ReconstructionReport>();
        }

        var target = _options.Client >= 0
            ? updates.FirstOrDefault(u => u.ClientId == _options.Client)
            : updates.MinBy(u => u.ClientId);
        int steps = target is null ? 0 : _training.Steps(target.SampleCount);
        if (target is null || steps == 0)
        {
            return Array.Empty<ReconstructionReport>();
        }

        return [Attack(target, steps, context)];
    }

    private ReconstructionReport Attack(ClientUpdate update, int steps, RoundContext context)
    {
        var layout = context.Layout;
        var trainable = layout.Entries.Where(e => e.Kind == ParameterKind.Trainable).ToArray();
        var outside = _options.ProtectedLayers.Where(i => i >= trainable.Length).ToArray();
        if (outside.Length > 0)
        {
            throw new InvalidOperationException(
                $"protected_layers lists {string.Join(", ", outside)}, but model '{_model.Name}' has trainable tensors 0..{trainable.Length - 1}.");
        }

        var module = Module();
        // The float64 module takes the flat float32 model through ModuleVectors' converting copy (exact: every float
        // is a double), in the layout order every other part of FedSec uses.
        ModuleVectors.LoadVector(module, layout, context.Global.Span);
        var gradient = ObservedGradient.Compute(context.Global.Span, update.Weights, layout, _training.LearningRate, steps, _training.WeightDecay, _options.ProtectedLayers);

        int knownLabel = _method == ReconstructionMethod.Idlg
            ? LabelFromGradient.Infer(gradient, trainable.Select(e => e.Shape).ToArray(), _data.ClassCount)
            : -1;
        var result = Invert(module, gradient, knownLabel, context.Random($"{Name}-dummy", update.ClientId));
        int attempts = 1;
        while (attempts < _options.Restarts && !(result.Distance < GradientInversionOptions.ConvergedDistance))
        {
            var attempt = Invert(module, gradient, knownLabel, context.Random($"{Name}-dummy-{attempts}", update.ClientId));
            attempts++;
            if (Rank(attempt.Distance) < Rank(result.Distance))
            {
                result = attempt;
            }
        }

        var image = Denormalize(result.Input);
        int label = ArgMax(result.LabelScores);
        var metrics = new Dictionary<string, double>
        {
            ["gradient_distance"] = result.Distance,
            ["recovered_label"] = label,
            ["local_steps"] = steps,
            ["attempts"] = attempts,
        };

        ImageSet? truth = context.ClientData?.Invoke(update.ClientId);
        int match = -1;
        if (truth is not null && truth.Count > 0)
        {
            match = ClosestSample(truth, image, out double mse);
            metrics["mse"] = mse;
            metrics["psnr"] = ReconstructionQuality.Psnr(mse);
            metrics["label_accuracy"] = truth.Labels[match] == label ? 1 : 0;
            metrics["true_label"] = truth.Labels[match];
        }

        return new ReconstructionReport(update.ClientId, metrics, WriteImages(context, update.ClientId, image, truth, match));
    }

    // NaN (a diverged L-BFGS) ranks last.
    private static double Rank(double distance) => double.IsNaN(distance) ? double.PositiveInfinity : distance;

    // One attempt from dummy data x ~ N(0, 1) (and, for DLG, label logits y ~ N(0, 1)) drawn from the round's stream.
    private GradientInversion.Result Invert(nn.Module<Tensor, Tensor> module, float[]?[] gradient, int knownLabel, Random rng)
    {
        int classes = _data.ClassCount;
        var dummy = new float[_data.ImageSize];
        for (int i = 0; i < dummy.Length; i++)
        {
            dummy[i] = (float)rng.NextGaussian();
        }

        float[]? dummyLabel = null;
        if (_method == ReconstructionMethod.Dlg)
        {
            dummyLabel = new float[classes];
            for (int i = 0; i < classes; i++)
            {
                dummyLabel[i] = (float)rng.NextGaussian();
            }
        }

        return GradientInversion.Run(module, gradient, dummy, [1, _data.Channels, _data.Height, _data.Width], dummyLabel, knownLabel, classes, _options.Iterations,
            _options.LineSearch ? LbfgsLineSearch.StrongWolfe : LbfgsLineSearch.None);
    }

    private nn.Module<Tensor, Tensor> Module()
    {
        if (_module is null)
        {
            _module = _model.Create(new ImageShape(_data.Channels, _data.Height, _data.Width), _data.ClassCount);

            // Eval mode: the attacker's forward pass is deterministic (no dropout masks to guess); the gradient
            // matches the client's exactly for models without dropout or BatchNorm, such as lenet_dlg.
            _module.eval();

            // Float64 throughout: the matching is more precise, and CPU convolutions then run on ATen's own kernels
            // whatever the oneDNN setting (see OneDnn).
            _module.to(ScalarType.Float64);
        }

        return _module;
    }

    // The model sees (pixel − mean) / std; images are compared and saved as pixels in [0, 1].
    private float[] Denormalize(float[] input)
    {
        var image = new float[input.Length];
        int plane = _data.Height * _data.Width;
        for (int i = 0; i < input.Length; i++)
        {
            int c = i / plane;
            float v = (input[i] * _data.Std[c]) + _data.Mean[c];
            image[i] = float.IsNaN(v) ? 0f : Math.Clamp(v, 0f, 1f);
        }

        return image;
    }

    private static int ClosestSample(ImageSet truth, float[] image, out double best)
    {
        best = double.PositiveInfinity;
        int index = 0;
        for (int i = 0; i < truth.Count; i++)
        {
            double mse = ReconstructionQuality.Mse(truth.Image(i), image);
            if (mse < best)
            {
                best = mse;
                index = i;
            }
        }

        return index;
    }

    private IReadOnlyList<string> WriteImages(RoundContext context, int client, float[] image, ImageSet? truth, int match)
    {
        if (context.OutputDirectory is null)
        {
            return Array.Empty<string>();
        }

        string stem = Path.Combine("reconstruction", $"round{context.Round}_client{client}_{Name}");
        var files = new List<string> { stem + "_reconstructed.png" };
        PngWriter.Write(Path.Combine(context.OutputDirectory, files[0]), image, _data.Channels, _data.Height, _data.Width);
        if (truth is not null && match >= 0)
        {
            files.Add(stem + "_original.png");
            PngWriter.Write(Path.Combine(context.OutputDirectory, files[1]), truth.Image(match), truth.Channels, truth.Height, truth.Width);
        }

        return files;
    }

    private static int ArgMax(float[] values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}
