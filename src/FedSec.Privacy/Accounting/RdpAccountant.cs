namespace FedSec.Privacy.Accounting;

/// <summary>
/// Composes steps of the sampled Gaussian mechanism by adding their RDP at every order (Mironov 2017, Proposition 1) and
/// reads (ε, δ) off the sum with <see cref="RdpConversion"/>. Steps with the same (z, q) share one RDP curve, computed
/// once, so an accountant stepped every round of a long run costs one addition per order per round.
/// </summary>
public sealed class RdpAccountant
{
    private readonly double[] _orders;
    private readonly double[] _total;
    private readonly Dictionary<(double Z, double Q), double[]> _curves = new();

    /// <summary>An accountant over <paramref name="orders"/> (default: <see cref="RdpOrders.Default"/>).</summary>
    public RdpAccountant(IReadOnlyList<double>? orders = null)
    {
        orders ??= RdpOrders.Default;
        if (orders.Count == 0)
        {
            throw new ArgumentException("The accountant needs at least one RDP order.", nameof(orders));
        }

        foreach (double a in orders)
        {
            PrivacyArguments.CheckOrder(a, nameof(orders));
        }

        _orders = orders.ToArray();
        _total = new double[_orders.Length];
    }

    /// <summary>The orders α evaluated.</summary>
    public IReadOnlyList<double> Orders => _orders;

    /// <summary>The steps composed so far.</summary>
    public long Steps { get; private set; }

    /// <summary>The composed RDP at each order.</summary>
    public IReadOnlyList<double> Rdp => _total;

    /// <summary>Writes the composed RDP and the step count (a distributed server's checkpoint).</summary>
    internal void WriteState(BinaryWriter writer)
    {
        writer.Write(Steps);
        writer.Write(_total.Length);
        foreach (double r in _total)
        {
            writer.Write(r);
        }
    }

    /// <summary>Restores what <see cref="WriteState"/> wrote, for the same orders.</summary>
    internal void ReadState(BinaryReader reader)
    {
        long steps = reader.ReadInt64();
        int count = reader.ReadInt32();
        if (count != _total.Length)
        {
            throw new InvalidDataException($"The checkpoint's accountant has {count} RDP orders; this configuration's has {_total.Length}.");
        }

        for (int i = 0; i < count; i++)
        {
            _total[i] = reader.ReadDouble();
        }

        Steps = steps;
    }

    /// <summary>Adds <paramref name="steps"/> steps of the sampled Gaussian mechanism with noise multiplier z and sample rate q.</summary>
    public void Step(double noiseMultiplier, double sampleRate, long steps = 1)
    {
        PrivacyArguments.CheckNoiseMultiplier(noiseMultiplier, nameof(noiseMultiplier));
        PrivacyArguments.CheckSampleRate(sampleRate, nameof(sampleRate));
        PrivacyArguments.CheckSteps(steps, nameof(steps));
        if (!_curves.TryGetValue((noiseMultiplier, sampleRate), out var curve))
        {
            curve = SampledGaussianRdp.Rdp(sampleRate, noiseMultiplier, _orders);
            _curves[(noiseMultiplier, sampleRate)] = curve;
        }

        for (int i = 0; i < _total.Length; i++)
        {
            _total[i] += steps * curve[i];
        }

        Steps += steps;
    }

    /// <summary>The (ε, δ) guarantee of the steps so far; ε = 0 before the first step.</summary>
    public PrivacySpent Epsilon(double delta)
    {
        PrivacyArguments.CheckDelta(delta, nameof(delta));
        return Steps == 0 ? new PrivacySpent(0, double.NaN) : RdpConversion.Epsilon(_orders, _total, delta);
    }

    /// <summary>ε after <paramref name="steps"/> identical steps, without keeping an accountant.</summary>
    public static PrivacySpent EpsilonAfter(double noiseMultiplier, double sampleRate, long steps, double delta, IReadOnlyList<double>? orders = null)
    {
        var accountant = new RdpAccountant(orders);
        accountant.Step(noiseMultiplier, sampleRate, steps);
        return accountant.Epsilon(delta);
    }
}
