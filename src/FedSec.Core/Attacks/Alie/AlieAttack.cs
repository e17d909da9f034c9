using FedSec.Aggregation;
using FedSec.Attacks.Common;
using FedSec.Parameters;
using FedSec.Stages;
using MathNet.Numerics.Distributions;

namespace FedSec.Attacks.Alie;

/// <summary>
/// "A little is enough" (Baruch, Baruch and Goldberg, "A little is enough: circumventing defenses for distributed
/// learning", NeurIPS 2019). Every malicious client sends the same update Δ = μ − z·σ, with μ and σ the
/// coordinate-wise mean and (sample) standard deviation of the round's benign deltas: close enough to the benign
/// updates to pass distance- and median-based defenses, and consistently biased. Unless z is configured it is the
/// paper's z_max = Φ⁻¹((n − s)/n), s = ⌊n/2 + 1⌋ − f, from the round's n clients and f malicious ones.
/// </summary>
internal sealed class AlieAttack(AlieOptions options) : IModelPoisoningAttack, IControlsClients
{
    public MaliciousClientSpec MaliciousClients => new(options.ClientNum);

    /// <summary>
    /// Baruch et al.'s z_max: s = ⌊n/2 + 1⌋ − f supporters the attacker needs, z = Φ⁻¹((n − s)/n). s is kept within
    /// [1, n − 1] so that z stays finite (for f ≥ n/2 the paper's premise of a malicious minority fails).
    /// </summary>
    public static double DefaultZ(int n, int f)
    {
        if (n < 2)
        {
            return 0;
        }

        // MathNet's Φ⁻¹ (√2·erfc⁻¹ rational approximations, within 2e-16 of the true quantile here); the hand-written
        // Acklam + Halley one it replaces agreed to 8e-15 for n ≤ 100 and exactly at n = 10, f = 1, 2 (p = 0.5, 0.6).
        int s = Math.Clamp((n / 2) + 1 - f, 1, n - 1);
        return Normal.InvCDF(0, 1, (double)(n - s) / n);
    }

    /// <summary>The forged delta μ − z·σ from the reference deltas.</summary>
    public static float[] Forge(IReadOnlyList<float[]> reference, double z)
    {
        var mean = WeightedMean.Unweighted(reference);
        var std = CoordinateStandardDeviation.Of(reference, mean);
        var forged = new float[mean.Length];
        for (int j = 0; j < forged.Length; j++)
        {
            forged[j] = (float)(mean[j] - (z * std[j]));
        }

        return forged;
    }

    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        var view = new RoundView(updates, context);
        if (view.Malicious.Count == 0)
        {
            return updates;
        }

        double z = options.Z ?? DefaultZ(view.Count, view.Malicious.Count);
        var delta = Forge(view.ReferenceDeltas(), z);
        return view.ReplaceMalicious(i => view.WithDelta(i, delta));
    }
}
