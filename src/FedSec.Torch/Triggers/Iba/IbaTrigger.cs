using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Torch.Data;
using FedSec.Torch.Parameters;
using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Triggers.Iba;

/// <summary>
/// IBA's trigger: a generator G (<see cref="IbaGenerator"/>) and a budget ε; the poisoned image is
/// x' = clip(x + ε·G(x), 0, 1), within ε of x in L∞. <see cref="Train"/> is IBA's generator step (the LIRA-style
/// trigger training with the classifier fixed): with the global model frozen in eval mode, Adam on G's parameters
/// minimises CE(f(x'), y_t) over the attacker's images, pass after pass, until the pass's share of x' classified as
/// the target reaches <see cref="StopAccuracy"/> or the epochs run out.
/// </summary>
internal sealed class IbaTrigger : IDisposable
{
    /// <summary>The attacker's own backdoor accuracy at which generator training stops (IBA's threshold_asr).</summary>
    public const double StopAccuracy = 0.85;

    private readonly IbaGenerator _generator;

    /// <summary>A generator for images of <paramref name="channels"/> channels, initialised from <paramref name="seed"/>.</summary>
    public IbaTrigger(int channels, double epsilon, long seed)
    {
        Epsilon = epsilon;

        // oneDNN got this generator's forward pass wrong on an AVX-512 CPU (see OneDnn).
        OneDnn.Disable();

        // Seeded from the experiment's seed; torch's global generator is restored afterwards, so creating the attack
        // changes no other draw.
        var saved = torch.random.get_rng_state();
        try
        {
            torch.random.manual_seed(seed);
            _generator = new IbaGenerator(channels);
        }
        finally
        {
            torch.random.set_rng_state(saved);
            saved.Dispose();
        }

        Layout = ModuleVectors.LayoutOf(_generator);
    }

    /// <summary>ε.</summary>
    public double Epsilon { get; }

    /// <summary>The generator's flat layout.</summary>
    public ParameterLayout Layout { get; }

    /// <summary>The generator's weights as a flat vector.</summary>
    public float[] Weights() => ModuleVectors.ToVector(_generator, Layout);

    /// <summary>Replaces the generator's weights.</summary>
    public void Load(ReadOnlySpan<float> weights) => ModuleVectors.LoadVector(_generator, Layout, weights);

    /// <summary>clip(x + ε·G(x), 0, 1) of an N×C×H×W batch; differentiable with respect to G's parameters.</summary>
    public Tensor Apply(Tensor pixels) => pixels.Plus(_generator.forward(pixels).Times(Epsilon)).Clamped(0, 1);

    /// <summary>Replaces, in place, the images of <paramref name="set"/> at <paramref name="indices"/> by their poisoned version.</summary>
    public void Poison(ImageSet set, IReadOnlyList<int> indices, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(indices);
        using var noGrad = no_grad();

        for (int first = 0; first < indices.Count; first += batchSize)
        {
            using var scope = NewDisposeScope();
            int count = Math.Min(batchSize, indices.Count - first);
            var rows = indices.Skip(first).Take(count).ToArray();
            var batch = set.Subset(rows);
            var poisoned = Apply(ImageTensors.Images(batch, 0, count)).contiguous().data<float>().ToArray();
            for (int i = 0; i < count; i++)
            {
                poisoned.AsSpan(i * set.ImageSize, set.ImageSize).CopyTo(set.Image(rows[i]));
            }
        }
    }

    /// <summary>Trains G against <paramref name="classifier"/> (already loaded) on <paramref name="data"/>; returns the passes run.</summary>
    public int Train(InputGradientModel classifier, ImageSet data, int target, double learningRate, int maxEpochs, int batchSize, Random order)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        int n = data.Count;
        if (n == 0)
        {
            return 0;
        }

        classifier.SetParametersTrainable(false);
        try
        {
            using var optimizer = new KeptAliveAdam(_generator.parameters(), learningRate);
            var images = ImageTensors.Images(data, 0, n);
            int epoch = 0;
            double accuracy = 0;
            while (epoch < maxEpochs && accuracy < StopAccuracy)
            {
                var permutation = order.Permutation(n);
                long hits = 0;
                for (int first = 0; first < n; first += batchSize)
                {
                    using var scope = NewDisposeScope();
                    int count = Math.Min(batchSize, n - first);
                    var rows = tensor(permutation.Skip(first).Take(count).Select(i => (long)i).ToArray());
                    var logits = classifier.Logits(Apply(images.index_select(0, rows)));
                    var y = KeptAliveScalars.Full([count], target, ScalarType.Int64);
                    var loss = nn.functional.cross_entropy(logits, y);
                    optimizer.ZeroGrad();
                    loss.backward();
                    optimizer.Step();
                    hits += logits.argmax(1).eq(y).sum().item<long>();
                }

                accuracy = hits / (double)n;
                epoch++;
            }

            images.Dispose();
            return epoch;
        }
        finally
        {
            classifier.SetParametersTrainable(true);
        }
    }

    public void Dispose() => _generator.Dispose();
}
