using FedSec.Configuration;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// Which clients are malicious and when the attack acts. Identities are fixed for the experiment (drawn once from
/// the seed, or named explicitly); <c>malicious_client_selection: per_round</c> re-draws among each round's
/// participants as FedML does. The attack acts in rounds inside poison_start_round_id..poison_end_round_id, each
/// with probability attack_prob.
/// </summary>
internal sealed class AdversarySchedule
{
    private readonly ExperimentConfig _config;
    private readonly SeedStreams _seeds;
    private readonly MaliciousClientSpec? _spec;
    private readonly IReadOnlySet<int> _fixed;

    public AdversarySchedule(ExperimentConfig config, SeedStreams seeds, MaliciousClientSpec? spec)
    {
        _config = config;
        _seeds = seeds;
        _spec = spec;
        if (spec is null)
        {
            _fixed = new HashSet<int>();
        }
        else if (spec.Ids is { } ids)
        {
            foreach (var id in ids)
            {
                if (id < 0 || id >= config.ClientNumInTotal)
                {
                    throw new ConfigException("attack_args.malicious_client_id", $"Client {id} does not exist; client identities run from 0 to {config.ClientNumInTotal - 1}.");
                }
            }

            _fixed = new HashSet<int>(ids);
        }
        else
        {
            int count = Math.Min(spec.Count, config.ClientNumInTotal);
            _fixed = new HashSet<int>(seeds.Random("malicious-clients").Choose(config.ClientNumInTotal, count));
        }
    }

    /// <summary>The fixed malicious identities (empty for per-round selection or no attack).</summary>
    public IReadOnlySet<int> FixedIdentities => _fixed;

    /// <summary>Whether the attack acts in <paramref name="round"/>.</summary>
    public bool IsActive(int round)
    {
        if (_spec is null || round < _config.PoisonStartRoundId || round > _config.PoisonEndRoundId)
        {
            return false;
        }

        return _config.AttackProb >= 1.0 || _seeds.Random("attack-prob", round).NextDouble() < _config.AttackProb;
    }

    /// <summary>The malicious clients among <paramref name="sampled"/> in an active round.</summary>
    public IReadOnlySet<int> MaliciousIn(int round, IReadOnlyList<int> sampled)
    {
        if (!IsActive(round))
        {
            return new HashSet<int>();
        }

        if (_config.MaliciousClientSelection == MaliciousClientSelection.PerRound && _spec!.Ids is null)
        {
            int count = Math.Min(_spec.Count, sampled.Count);
            return new HashSet<int>(_seeds.Random("malicious-clients", round).Choose(sampled.Count, count).Select(i => sampled[i]));
        }

        return new HashSet<int>(sampled.Where(_fixed.Contains));
    }
}
