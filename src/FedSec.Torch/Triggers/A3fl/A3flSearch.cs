using FedSec.Configuration;
using FedSec.Data;
using FedSec.Randomness;
using FedSec.Torch.Data;
using FedSec.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace FedSec.Torch.Triggers.A3fl;

/// <summary>
/// A3FL's trigger search (Zhang, Jia, Wang and Gong, "A3FL: Adversarially Adaptive Backdoor Attacks to Federated
/// Learning", NeurIPS 2023, Algorithm 1), run by the attacker on its own data from the global model θ it received. For
/// each of <c>a3fl_trigger_epochs</c> passes over the data: every <c>a3fl_adv_interval</c> passes (not in the first)
/// it trains <c>a3fl_adv_models</c> adversarially adapted copies θ'ⱼ of θ to classify triggered images correctly (to
/// unlearn the current trigger: SGD, lr 0.01, momentum 0.9, weight decay 5·10⁻⁴, <c>a3fl_adv_epochs</c> epochs, as
/// the authors' code) and weights each by wⱼ = cos(θ'ⱼ, θ) over the trainable parameters; then for each mini-batch
/// it takes the loss L = CE(θ(x'), y_t) + Σⱼ λ·wⱼ·CE(θ'ⱼ(x'), y_t) / count on x' = t·m + (1 − m)·x and steps
/// t ← clip(t − α·sign(∇ₜL), 0, 1). The trigger thus keeps working on the global model and on models that have
/// started to forget it, which is what makes it survive the benign clients' training.
/// </summary>
internal sealed class A3flSearch
{
    private const double AdvLearningRate = 0.01;
    private const double AdvMomentum = 0.9;
    private const double AdvWeightDecay = 5e-4;

    private readonly A3flOptions _options;
    private readonly TriggerModelSettings _settings;
    private readonly InputGradientModel _global;
    private readonly List<InputGradientModel> _adversarial = new();
    private readonly ChannelNormalization _normalization;
    private nn.Module<Tensor, Tensor>? _trainModule;
    private LocalTrainer? _trainer;

    public A3flSearch(A3flOptions options, TriggerModelSettings settings, InputGradientModel global)
    {
        _options = options;
        _settings = settings;
        _global = global;
        _normalization = new ChannelNormalization(settings.Data.Mean, settings.Data.Std);
    }

    /// <summary>Passes run by the last search (for tests).</summary>
    public int PassesRun { get; private set; }

    /// <summary>The weights wⱼ of the adversarial models in the last pass that had them (for tests).</summary>
    public IReadOnlyList<double> LastWeights { get; private set; } = Array.Empty<double>();

    /// <summary>The adversarially adapted models θ'ⱼ of the last pass that had them (for tests).</summary>
    internal IReadOnlyList<InputGradientModel> AdversarialModels => _adversarial;

    /// <summary>The optimised pattern, starting from <paramref name="trigger"/>'s, against <paramref name="global"/>.</summary>
    public float[] Search(A3flTrigger trigger, ReadOnlySpan<float> global, ImageSet data, Random order, int torchSeed)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        ArgumentNullException.ThrowIfNull(data);

        _global.Load(global);
        var globalWeights = global.ToArray();
        int n = data.Count;
        PassesRun = 0;
        LastWeights = Array.Empty<double>();
        if (n == 0)
        {
            return (float[])trigger.Pattern.Clone();
        }

        int c = trigger.Channels, h = trigger.Height, w = trigger.Width;
        var pattern = (float[])trigger.Pattern.Clone();
        var weights = Array.Empty<double>();
        var targets = Enumerable.Repeat(_options.TargetLabel, n).ToArray();
        for (int pass = 0; pass < _options.TriggerEpochs; pass++)
        {
            if (pass % _options.AdvInterval == 0 && pass != 0 && _options.AdvModels > 0)
            {
                weights = TrainAdversarial(trigger.WithPattern(pattern), globalWeights, data, order, torchSeed + pass);
                LastWeights = weights;
            }

            var permutation = order.Permutation(n);
            for (int first = 0; first < n; first += _settings.BatchSize)
            {
                int count = Math.Min(_settings.BatchSize, n - first);
                pattern = Step(pattern, trigger.Mask, data, permutation, first, count, weights, c, h, w);
            }

            PassesRun++;
        }

        return pattern;
    }

    private float[] Step(float[] pattern, float[] mask, ImageSet data, int[] permutation, int first, int count, double[] weights, int c, int h, int w)
    {
        using var scope = NewDisposeScope();
        var rows = new int[count];
        Array.Copy(permutation, first, rows, 0, count);
        var batch = data.Subset(rows);
        var x = ImageTensors.Images(batch, 0, count);
        var t = tensor(pattern, [1, c, h, w]).requires_grad_(true);
        var m = tensor(mask, [1, 1, h, w]);
        var stamped = (t * m).Plus(m.SubtractedFrom(1) * x);
        var y = KeptAliveScalars.Full([count], _options.TargetLabel, ScalarType.Int64);
        var loss = nn.functional.cross_entropy(_global.Logits(stamped), y);
        for (int j = 0; j < weights.Length; j++)
        {
            var adversarialLoss = nn.functional.cross_entropy(_adversarial[j].Logits(stamped), y);
            loss = loss.Plus(adversarialLoss.Times(_options.AdvLambda * weights[j] / weights.Length));
        }

        var grad = torch.autograd.grad([loss], [t])[0];
        using var noGrad = no_grad();
        var next = (t.detach() - grad.sign().Times(_options.TriggerLr)).Clamped(0, 1);
        return next.contiguous().data<float>().ToArray();
    }

    // Trains each adversarial model from the global one on the data with the current trigger on every image and the true
    // labels, then weights it by its cosine similarity to the global model.
    private double[] TrainAdversarial(A3flTrigger trigger, float[] global, ImageSet data, Random order, int torchSeed)
    {
        var stamped = data.Clone();
        trigger.Stamp(stamped, Enumerable.Range(0, stamped.Count).ToArray());
        _trainModule ??= _settings.Model.Create(new Models.ImageShape(_settings.Data.Channels, _settings.Data.Height, _settings.Data.Width), _settings.Data.ClassCount);
        _trainer ??= new LocalTrainer(_trainModule, _global.Layout);
        var options = new LocalTrainingOptions
        {
            Epochs = _options.AdvEpochs,
            BatchSize = _settings.BatchSize,
            Optimizer = ClientOptimizer.Sgd,
            LearningRate = AdvLearningRate,
            Momentum = AdvMomentum,
            WeightDecay = AdvWeightDecay,
        };
        var weights = new double[_options.AdvModels];
        for (int j = 0; j < _options.AdvModels; j++)
        {
            var adapted = _trainer.Train(stamped, global, options, order, torchSeed + j, _normalization).Weights;
            while (_adversarial.Count <= j)
            {
                _adversarial.Add(new InputGradientModel(_settings.Model, _settings.Data));
            }

            _adversarial[j].Load(adapted);
            weights[j] = TrainableCosine(adapted, global, _global.Layout);
        }

        return weights;
    }

    /// <summary>cos(a, b) over the trainable coordinates of <paramref name="layout"/>; 0 when either is zero there.</summary>
    internal static double TrainableCosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b, FedSec.Parameters.ParameterLayout layout)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var e in layout.Entries)
        {
            if (e.Kind != FedSec.Parameters.ParameterKind.Trainable)
            {
                continue;
            }

            for (int k = e.Offset; k < e.Offset + e.Length; k++)
            {
                dot += (double)a[k] * b[k];
                na += (double)a[k] * a[k];
                nb += (double)b[k] * b[k];
            }
        }

        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
