namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// 3DFed's indicator-based adaptive tuning (<c>adaptive_tuning</c> of the authors' code), from the statuses of the
/// models sent last time (the backdoor models first, in groups of <c>three_d_fed_group_size</c>, then the decoys):
/// <list type="bullet">
/// <item>decoys: k drops by the number of accepted decoys (a decoy that passes wastes a slot); when no backdoor model
/// was accepted or clipped and no decoy accepted, k grows by one (the defense needs something more conspicuous);</item>
/// <item>noise-mask weights α: the groups with at least 80 % of their models accepted are the candidates; with every
/// group accepted each α is drawn from [smallest, second smallest candidate]; with some, from [smallest, smallest +
/// 0.1]; with none (or a single group without success), afresh from [α_min, 1]; then kept in [0.01, 0.99].</item>
/// </list>
/// Under weak DP every α is set to 0.1 and k is kept.
/// </summary>
public static class AdaptiveTuning
{
    /// <summary>The new α per group and number of decoys.</summary>
    /// <param name="alpha">α of each group used last time (changed in place and returned).</param>
    /// <param name="decoys">k used last time.</param>
    /// <param name="statuses">The statuses of the models sent: <paramref name="backdoorModels"/> backdoor models, then the decoys.</param>
    /// <param name="backdoorModels">How many backdoor models were sent.</param>
    /// <param name="groupSize">Models per noise-mask group.</param>
    /// <param name="weakDp">Whether the server adds noise.</param>
    /// <param name="alphaMin">The lower end of fresh α draws (<c>three_d_fed_noise_mask_alpha</c>).</param>
    /// <param name="rng">The attacker's seeded stream.</param>
    public static (double[] Alpha, int Decoys) Update(double[] alpha, int decoys, IReadOnlyList<IndicatorStatus> statuses, int backdoorModels, int groupSize, bool weakDp, double alphaMin, Random rng)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        ArgumentNullException.ThrowIfNull(statuses);
        ArgumentNullException.ThrowIfNull(rng);
        if (weakDp)
        {
            Array.Fill(alpha, 0.1);
            return (alpha, decoys);
        }

        var adversaries = statuses.Take(backdoorModels).ToArray();
        var decoyStatuses = statuses.Skip(backdoorModels).ToArray();
        int acceptedDecoys = decoyStatuses.Count(s => s == IndicatorStatus.Accepted);
        decoys = Math.Max(decoys - acceptedDecoys, 0);
        if (!adversaries.Any(s => s is IndicatorStatus.Accepted or IndicatorStatus.Clipped) && acceptedDecoys == 0)
        {
            decoys++;
        }

        int groups = backdoorModels / groupSize;
        var candidates = new List<double>();
        for (int i = 0; i < groups && i < alpha.Length; i++)
        {
            int accepted = adversaries.Skip(i * groupSize).Take(groupSize).Count(s => s == IndicatorStatus.Accepted);
            if (accepted >= groupSize * 0.8)
            {
                candidates.Add(alpha[i]);
            }
        }

        candidates.Sort();
        for (int i = 0; i < groups && i < alpha.Length; i++)
        {
            if (groups <= 1)
            {
                if (candidates.Count == 0)
                {
                    for (int j = 0; j < alpha.Length; j++)
                    {
                        alpha[j] = Uniform(rng, alphaMin, 1);
                    }
                }

                break;
            }

            alpha[i] = candidates.Count == groups ? Uniform(rng, candidates[0], candidates[1])
                : candidates.Count > 0 ? Uniform(rng, candidates[0], candidates[0] + 0.1)
                : Uniform(rng, alphaMin, 1);
        }

        for (int i = 0; i < alpha.Length; i++)
        {
            alpha[i] = alpha[i] >= 1 ? 0.99 : alpha[i] <= 0 ? 0.01 : alpha[i];
        }

        return (alpha, decoys);
    }

    /// <summary>A draw from [a, b] (Python's random.uniform).</summary>
    public static double Uniform(Random rng, double a, double b)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return a + ((b - a) * rng.NextDouble());
    }
}
