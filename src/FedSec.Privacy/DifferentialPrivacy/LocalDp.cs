using FedSec.Configuration;
using FedSec.Parameters;
using FedSec.Privacy.Accounting;
using FedSec.Privacy.Mechanisms;
using FedSec.Stages;

namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary>
/// <c>dp_solution_type: ldp</c>: each client clips its update Δ = w − G (L2 norm C for Gaussian noise, L1 norm C for
/// Laplace) and adds noise calibrated to one release at (ε, δ) with sensitivity Δ_s = 2C by default (two clipped
/// updates differ by at most 2C): Gaussian σ by the analytic calibration (<see cref="AnalyticGaussian"/>), Laplace
/// b = Δ_s/ε. The server sees only noised updates, so a curious server's reconstruction attack works on them. Over
/// rounds, the client sampled most often bounds everyone's loss: after k releases Gaussian noise gives the RDP
/// composition of k Gaussian mechanisms with z = σ/Δ_s at δ, Laplace noise k·ε (pure DP).
/// </summary>
internal sealed class LocalDp : IClientUpdateStage, IServerUpdateStage, IChecksInitialModel, ICrossRoundState
{
    private readonly DpOptions _options;
    private readonly double _sensitivity;
    private readonly Dictionary<int, int> _releases = new();
    private readonly IReadOnlyList<double>? _orders;

    public LocalDp(DpOptions options)
    {
        _options = options;
        double epsilon = options.Epsilon ?? throw new ArgumentException("Local DP needs epsilon.", nameof(options));
        _sensitivity = options.Sensitivity ?? 2 * options.ClippingNorm;
        NoiseScale = options.Mechanism == DpMechanism.Gaussian
            ? AnalyticGaussian.Sigma(epsilon, options.Delta, _sensitivity)
            : _sensitivity / epsilon;
        _orders = options.RdpAlpha is { } a ? [a] : null;
    }

    /// <summary>σ of the Gaussian noise, or b of the Laplace noise, per coordinate.</summary>
    public double NoiseScale { get; }

    public float[] ProcessLocalModel(float[] local, ReadOnlySpan<float> global, ParameterLayout layout, ClientContext client)
    {
        var delta = TrainableDelta.Of(local, global, layout);
        if (_options.Mechanism == DpMechanism.Gaussian)
        {
            NormClipping.ClipL2(delta, _options.ClippingNorm);
            NoiseSampler.AddGaussian(delta, NoiseScale, b => _options.NoiseStream(() => client.Random($"ldp-noise#{b}")));
        }
        else
        {
            NormClipping.ClipL1(delta, _options.ClippingNorm);
            NoiseSampler.AddLaplace(delta, NoiseScale, b => _options.NoiseStream(() => client.Random($"ldp-noise#{b}")));
        }

        var sent = (float[])local.Clone();
        TrainableDelta.Apply(sent, global, delta, layout);
        return sent;
    }

    public IReadOnlyList<ClientUpdate> ProcessUpdates(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        foreach (var u in updates)
        {
            _releases[u.ClientId] = _releases.GetValueOrDefault(u.ClientId) + 1;
        }

        context.Metrics["dp_noise_std"] = _options.Mechanism == DpMechanism.Gaussian ? NoiseScale : Math.Sqrt(2) * NoiseScale;
        if (_options.RdpAccountant && _releases.Count > 0)
        {
            int k = _releases.Values.Max();
            context.Metrics["epsilon"] = _options.Mechanism == DpMechanism.Gaussian
                ? RdpAccountant.EpsilonAfter(NoiseScale / _sensitivity, 1.0, k, _options.Delta, _orders).Epsilon
                : k * _options.Epsilon!.Value;
        }

        return updates;
    }

    /// <summary>How many times each client released a noised update (the accountant's k), for a distributed server's checkpoint.</summary>
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_releases.Count);
        foreach (var (client, count) in _releases.OrderBy(r => r.Key))
        {
            writer.Write(client);
            writer.Write(count);
        }
    }

    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _releases.Clear();
        int n = reader.ReadInt32();
        for (int i = 0; i < n; i++)
        {
            int client = reader.ReadInt32();
            _releases[client] = reader.ReadInt32();
        }
    }

    public IEnumerable<string> CheckInitialModel(ReadOnlySpan<float> initialGlobal, ParameterLayout layout, int totalRounds)
    {
        if (!layout.AllTrainable)
        {
            yield return $"dp_args: the model has {layout.Length - layout.TrainableLength} buffer values (BatchNorm statistics); each client sends them as trained, without noise, so the reported epsilon does not cover them.";
        }

        if (_options.SecureNoise)
        {
            yield return DpOptions.SecureNoiseWarning;
        }
    }
}
