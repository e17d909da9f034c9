using FedSec.Configuration;
using FedSec.Randomness;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// Which clients are malicious and when the attack acts. Identities are fixed for the experiment (drawn once from
/// the seed, or named explicitly); <c>malicious_client_selection: per_round</c> re-draws among each round's
/// participants as FedML does. The attack acts in rounds inside poison_start_round_id..poison_end_round_id, each
/// with probability attack_prob, and, for an attack that chooses its rounds (<see cref="IChoosesAttackRounds"/>), in
/// those it chooses. attack_prob's draw is keyed by the round, so that choice changes no other round's draws.
/// </summary>
internal sealed class AdversarySchedule
{
    private readonly ExperimentConfig _config;
    private readonly SeedStreams _seeds;
    private readonly MaliciousClientSpec? _spec;
    private readonly IReadOnlySet<int> _fixed;
    private readonly IChoosesAttackRounds? _rounds;

    public AdversarySchedule(ExperimentConfig config, SeedStreams seeds, MaliciousClientSpec? spec, IChoosesAttackRounds? rounds = null)
    {
        _config = config;
        _seeds = seeds;
        _spec = spec;
        _rounds = rounds;
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
            _fixed = Drawn(config, seeds, spec.Count);
        }
    }

    /// <summary>
    /// The fixed malicious identities of <paramref name="attack"/> under <paramref name="config"/>, as the experiment will decide them (named,
    /// or drawn once from the seed); empty without an attack that controls clients or with per-round selection. The data
    /// split uses them for <c>malicious_clients_without_data</c>, before any round runs.
    /// </summary>
    public static IReadOnlySet<int> FixedIdentitiesOf(ExperimentConfig config, IAttack? attack)
    {
        if (!config.EnableAttack || attack is not IControlsClients controls || config.MaliciousClientSelection == MaliciousClientSelection.PerRound)
        {
            return new HashSet<int>();
        }

        return new AdversarySchedule(config, new SeedStreams(config.RandomSeed), controls.MaliciousClients).FixedIdentities;
    }

    private static HashSet<int> Drawn(ExperimentConfig config, SeedStreams seeds, int count) =>
        new(seeds.Random("malicious-clients").Choose(config.ClientNumInTotal, Math.Min(count, config.ClientNumInTotal)));

    /// <summary>The fixed malicious identities (empty for per-round selection or no attack).</summary>
    public IReadOnlySet<int> FixedIdentities => _fixed;

    /// <summary>Whether the attack acts in <paramref name="round"/>.</summary>
    public bool IsActive(int round)
    {
        if (_spec is null || round < _config.PoisonStartRoundId || round > _config.PoisonEndRoundId)
        {
            return false;
        }

        bool drawn = _config.AttackProb >= 1.0 || _seeds.Random("attack-prob", round).NextDouble() < _config.AttackProb;
        return drawn && (_rounds?.AttacksIn(round) ?? true);
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
