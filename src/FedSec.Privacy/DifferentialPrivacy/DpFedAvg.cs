using FedSec.Configuration;
using FedSec.Parameters;
using FedSec.Privacy.Accounting;
using FedSec.Privacy.Mechanisms;
using FedSec.Stages;

namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary>
/// DP-FedAvg (McMahan, Ramage, Talwar and Zhang, "Learning differentially private recurrent language models", ICLR
/// 2018): every update Δᵢ = wᵢ − G is clipped to L2 norm C, the m sampled clients' clipped updates are averaged with
/// equal weights (the fixed-denominator estimator with uniform weights: sensitivity C/m under adding or removing one
/// client), and N(0, σ²) with σ = z·C/m is added to the mean, on the aggregate itself, before the server optimizer.
/// When only n &lt; m of the sampled clients' updates arrive (dropouts, a round timeout), the mean's change is scaled by
/// n/m first: the estimator's denominator stays m, so the sensitivity stays C/m.
/// Each released round is one step of the sampled Gaussian mechanism at q = clients per round / clients in total for
/// the accountant; ε at δ goes into the round's metrics. Optionally the clip norm adapts (<see cref="AdaptiveClipNorm"/>).
/// Where the clipping happens is the subclass's: the server (<c>cdp</c>) or the clients (<c>dp_clip</c>).
/// </summary>
internal abstract class DpFedAvg : IServerUpdateStage, IAggregateStage, IChecksInitialModel, IConstrainsSetup, ICrossRoundState
{
    private readonly RdpAccountant? _accountant;
    private readonly double _updateNoiseMultiplier;
    private readonly double _countStddev;
    private readonly List<string> _caveats = new();
    private double _clip;
    private int _bitsRound = -1;

    protected DpFedAvg(DpOptions options, ExperimentShape shape)
    {
        Options = options;
        NoiseMultiplier = options.NoiseMultiplier ?? throw new ArgumentException("DP-FedAvg needs a noise multiplier.", nameof(options));
        SampleRate = (double)shape.ClientsPerRound / shape.TotalClients;
        _countStddev = options.ClippedCountStddev ?? shape.ClientsPerRound / 20.0;
        _updateNoiseMultiplier = options.Adaptive ? AdaptiveClipNorm.UpdateNoiseMultiplier(NoiseMultiplier, _countStddev) : NoiseMultiplier;
        _accountant = options.RdpAccountant ? new RdpAccountant(options.RdpAlpha is { } a ? [a] : null) : null;
        _clip = options.ClippingNorm;
    }

    internal DpOptions Options { get; }

    /// <summary>z, the total noise multiplier the accountant sees.</summary>
    public double NoiseMultiplier { get; }

    /// <summary>q = clients per round / clients in total.</summary>
    public double SampleRate { get; }

    /// <summary>The clip norm of the current round.</summary>
    public double ClipNorm => _clip;

    // Whether each client's update of round _bitsRound was within the clip norm (adaptive clipping's count).
    private readonly Dictionary<int, bool> _unclipped = new();

    /// <summary>Whether the server clips the updates it receives (cdp) or trusts the clients to have (dp_clip).</summary>
    protected abstract bool ClipsOnServer { get; }

    public IReadOnlyList<ClientUpdate> ProcessUpdates(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var result = new ClientUpdate[updates.Count];
        for (int i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            result[i] = (ClipsOnServer ? u.WithWeights(Clip(u.Weights, context.Global.Span, context.Layout, context.Round, u.ClientId)) : u) with { AggregationWeight = 1 };
        }

        return result;
    }

    public void ProcessAggregate(float[] aggregate, RoundContext context)
    {
        int m = context.SampledClients.Count;
        double sigma = _updateNoiseMultiplier * _clip / m;
        var layout = context.Layout;
        if (context.Arrived is int n && n < m)
        {
            FixDenominator(aggregate, context.Global.Span, layout, n, m);
        }

        var trainable = layout.AllTrainable ? aggregate : layout.GatherTrainable(aggregate);
        NoiseSampler.AddGaussian(trainable, sigma, b => Options.NoiseStream(() => context.Random($"dp-noise#{b}")));
        if (!layout.AllTrainable)
        {
            layout.ScatterTrainable(trainable, aggregate);
        }

        context.Metrics["dp_clip_norm"] = _clip;
        context.Metrics["dp_noise_std"] = sigma;
        context.Metrics["dp_noise_multiplier"] = NoiseMultiplier;
        if (_accountant is not null)
        {
            _accountant.Step(NoiseMultiplier, SampleRate);
            context.Metrics["epsilon"] = _accountant.Epsilon(Options.Delta).Epsilon;
        }

        if (Options.Adaptive)
        {
            int count = _bitsRound == context.Round ? _unclipped.Values.Count(b => b) : 0;
            double noised = count + (_countStddev * StandardNormal(Options.NoiseStream(() => context.Random("dp-unclipped-count"))));
            _clip = AdaptiveClipNorm.Next(_clip, noised / m, Options.TargetQuantile, Options.ClipLearningRate);
        }
    }

    /// <summary>
    /// The mean of the n updates that arrived is G + ΣΔᵢ/n, whose sensitivity C/n exceeds the C/m the noise is scaled
    /// to; McMahan et al.'s fixed-denominator estimator G + ΣΔᵢ/m counts a client that did not arrive as a zero update
    /// and keeps the sensitivity at C/m. So the change on the trainable parameters is scaled by n/m (buffers, which get
    /// no noise, stay the mean of what arrived).
    /// </summary>
    private static void FixDenominator(float[] aggregate, ReadOnlySpan<float> global, ParameterLayout layout, int n, int m)
    {
        var change = TrainableDelta.Of(aggregate, global, layout);
        double scale = (double)n / m;
        for (int i = 0; i < change.Length; i++)
        {
            change[i] = (float)(change[i] * scale);
        }

        TrainableDelta.Apply(aggregate, global, change, layout);
    }

    /// <summary>w clipped around G: G + Δ·min(1, C/‖Δ‖) on the trainable parameters; records whether it was within C.</summary>
    protected float[] Clip(float[] model, ReadOnlySpan<float> global, ParameterLayout layout, int round, int clientId)
    {
        var delta = TrainableDelta.Of(model, global, layout);
        double norm = NormClipping.ClipL2(delta, _clip);
        if (round != _bitsRound)
        {
            _unclipped.Clear();
            _bitsRound = round;
        }

        _unclipped[clientId] = norm <= _clip;
        var clipped = (float[])model.Clone();
        TrainableDelta.Apply(clipped, global, delta, layout);
        return clipped;
    }

    public IEnumerable<string> CheckInitialModel(ReadOnlySpan<float> initialGlobal, ParameterLayout layout, int totalRounds)
    {
        var found = new List<string>(_caveats);
        if (Options.SecureNoise)
        {
            found.Add(DpOptions.SecureNoiseWarning);
        }

        if (!layout.AllTrainable)
        {
            found.Add($"dp_args: the model has {layout.Length - layout.TrainableLength} buffer values (BatchNorm statistics); they are averaged as sent, without clipping or noise, so the reported epsilon does not cover them.");
        }

        return found;
    }

    public IEnumerable<ConfigProblem> Check((string Name, IAttack Instance)? attack, IReadOnlyList<(string Name, IDefense Instance)> defenses, IReadOnlyList<(string Section, IComponent Instance)> others)
    {
        // Not errors: a robust aggregator after DP clipping is a combination worth measuring, but its epsilon is not a guarantee.
        foreach (var (name, defense) in defenses.Where(d => d.Instance is IBeforeAggregationDefense or IOnAggregationDefense))
        {
            _caveats.Add($"dp_args: the defense '{name}' changes which updates are averaged or how; the reported epsilon assumes the plain mean of the m clipped updates, so for this combination it is not a guarantee.");
        }

        return [];
    }

    /// <summary>The clip norm (adaptive clipping moves it) and the accountant's composed RDP, for a distributed server's checkpoint.</summary>
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_clip);
        writer.Write(_accountant is not null);
        _accountant?.WriteState(writer);
    }

    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _clip = reader.ReadDouble();
        if (reader.ReadBoolean() != (_accountant is not null))
        {
            throw new InvalidDataException("The checkpoint's dp_args accountant setting (rdp_accountant) is not this configuration's.");
        }

        _accountant?.ReadState(reader);
    }

    private static double StandardNormal(Random rng) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - rng.NextDouble())) * Math.Cos(2.0 * Math.PI * rng.NextDouble());
}
