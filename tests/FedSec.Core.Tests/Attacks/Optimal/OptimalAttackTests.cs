using FedSec.Aggregation;
using FedSec.Attacks.Alie;
using FedSec.Attacks.Optimal;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.Optimal;

public class OptimalAttackTests
{
    private const int D = 30;

    [Fact]
    public void OptimalIpm_AgainstFedAvg_DamageGrowsWithEpsilonSoTheSearchTakesTheLargestTried()
    {
        // FedAvg: the aggregate is μ·(n − f(1 + ε))/n, its distance to μ f(1 + ε)‖μ‖/n, increasing in ε: the search
        // expands through its 16 evaluations to ε = 2¹⁵ − 1, and every attacker sends −ε·μ.
        var (updates, context, global) = Round(seed: 1);
        var result = new OptimalIpmAttack(new OptimalOptions { ClientNum = 2 }).AttackModel(updates, context);
        Assert.Equal(32767.0, context.Metrics["optimal_scale"]);
        var mu = Enumerable.Range(0, D).Select(j => updates.Take(8).Average(u => (double)u.Weights[j] - global[j])).ToArray();
        var sent = AttackFixtures.DeltaOf(result[9], global);
        for (int j = 0; j < D; j++)
        {
            Assert.Equal(-32767 * mu[j], sent[j], Math.Abs(mu[j]) * 32767 * 1e-5 + 1e-6);
        }

        Assert.Same(updates[0], result[0]);
    }

    [Fact]
    public void OptimalIpm_AgainstTheMedian_ReadsTheDefenseAndKeepsEpsilonSmall()
    {
        // Against the coordinate-wise median a huge ε only pushes the attackers to one extreme: the damage saturates and
        // the search settles on a modest ε, unlike against FedAvg.
        // Its damage is checked against a fine grid of ε: the search's pick is within 5 % of the grid's best.
        var (updates, context, global) = Round(seed: 2, defended: Median);
        var attacked = new OptimalIpmAttack(new OptimalOptions { ClientNum = 2 }).AttackModel(updates, context);
        double chosen = context.Metrics["optimal_scale"];
        Assert.InRange(chosen, 0, 100);

        var mu = Enumerable.Range(0, D).Select(j => updates.Take(8).Average(u => (double)u.Weights[j] - global[j])).ToArray();
        double Damage(IReadOnlyList<ClientUpdate> round)
        {
            var agg = Median(round);
            return Math.Sqrt(Enumerable.Range(0, D).Sum(j => Math.Pow(agg[j] - global[j] - mu[j], 2)));
        }

        double DamageAt(double epsilon) => Damage(updates.Select((u, i) => i < 8 ? u
            : AttackFixtures.FromDelta(i, global, mu.Select(m => (float)(-epsilon * m)).ToArray())).ToArray());
        double best = Enumerable.Range(0, 2001).Select(k => DamageAt(k * 0.05)).Max();
        Assert.True(Damage(attacked) >= 0.95 * best, $"ε = {chosen}: damage {Damage(attacked)}, the grid's best {best}");
        Assert.True(Damage(attacked) > DamageAt(0) * 1.01, "the search should beat sending the zero update");
    }

    [Fact]
    public void OptimalAlie_AgainstTheMedian_DoesMoreDamageThanBaruchsZ()
    {
        for (int seed = 0; seed < 5; seed++)
        {
            var (updates, context, global) = Round(seed, defended: Median);
            var optimal = new OptimalAlieAttack(new OptimalOptions { ClientNum = 2 }).AttackModel(updates, context);
            var fixedZ = new AlieAttack(new AlieOptions { ClientNum = 2 }).AttackModel(updates, context);
            double Damage(IReadOnlyList<ClientUpdate> round)
            {
                var agg = Median(round);
                return Math.Sqrt(Enumerable.Range(0, D).Sum(j => Math.Pow(agg[j] - global[j] - updates.Take(8).Average(u => u.Weights[j] - global[j]), 2)));
            }

            Assert.True(Damage(optimal) > Damage(fixedZ), $"seed {seed}: optimal {Damage(optimal)} vs z_max {Damage(fixedZ)} (z = {context.Metrics["optimal_scale"]})");
        }
    }

    [Fact]
    public void Read_ZeroEvaluations_IsRejectedNamingTheKey()
    {
        var args = TestSupport.Fixtures.Args(new FedSec.Configuration.ExperimentShape(10, 10, 5), "attack_args", ("optimal_evaluations", (object?)"0"));
        OptimalOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("attack_args.optimal_evaluations", problem.Key);
        Assert.Contains("out of range", problem.Message, StringComparison.Ordinal);
    }

    private static float[] Median(IReadOnlyList<ClientUpdate> round) =>
        Enumerable.Range(0, round[0].Weights.Length).Select(j => (float)ScalarMedian.Of(round.Select(u => (double)u.Weights[j]).ToArray())).ToArray();

    /// <summary>Ten clients around a common update (noise 0.5), the last two malicious; the context aggregates with <paramref name="defended"/> if given.</summary>
    private static (ClientUpdate[] Updates, RoundContext Context, float[] Global) Round(int seed, Func<IReadOnlyList<ClientUpdate>, float[]>? defended = null)
    {
        var rng = new Random(seed);
        var global = Enumerable.Range(0, D).Select(_ => (float)rng.NextDouble()).ToArray();
        var mean = Enumerable.Range(0, D).Select(_ => (float)rng.NextDouble()).ToArray();
        var updates = Enumerable.Range(0, 10).Select(i => AttackFixtures.FromDelta(i, global, mean.Select(m => (float)(m + (0.5 * (rng.NextDouble() - 0.5)))).ToArray())).ToArray();
        var context = AttackFixtures.Context(global, updates, new[] { 8, 9 });
        context.DefendedAggregate = defended;
        return (updates, context, global);
    }
}
