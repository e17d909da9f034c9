using FedSec.Aggregation;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// A round aggregated as its updates arrive (<c>train_args.exact_sum</c>, a round with no stage that needs every update:
/// see <see cref="ExperimentServer.OpenStream"/>): each update is checked, passed through the per-update defenses
/// (<see cref="IPerUpdateDefense"/>), added to an <see cref="ExactWeightedSum"/> and dropped, so the server holds O(d)
/// (the accumulators, 16 bytes a coordinate, and one clipped vector) instead of n updates. The sum is exact, so the
/// aggregate does not depend on the order of arrival; verdicts and faults are kept per client and reported in sampling
/// order by <see cref="ExperimentServer.Complete"/>. Thread-safe: updates may be added from several threads.
/// </summary>
public sealed class StreamedRound
{
    private readonly object _gate = new();
    private readonly IReadOnlyList<(string Name, IBeforeAggregationDefense Defense)> _defenses;
    private readonly RoundContext _context;
    private readonly ExactWeightedSum _sum;
    private readonly Dictionary<int, ClientVerdict[]> _verdicts = new();
    private readonly Dictionary<int, string> _faults = new();
    private readonly long[] _allocated;

    internal StreamedRound(int round, IReadOnlyList<(string Name, IBeforeAggregationDefense Defense)> defenses, RoundContext context, ExactWeightedSum sum)
    {
        Round = round;
        _defenses = defenses;
        _context = context;
        _sum = sum;
        _allocated = new long[defenses.Count];
        _sum.Clear();
    }

    /// <summary>The round (0-based).</summary>
    public int Round { get; }

    /// <summary>The updates added so far.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _verdicts.Count + _faults.Count;
            }
        }
    }

    internal ExactWeightedSum Sum => _sum;

    /// <summary>
    /// Checks the update, runs the per-update defenses on it and adds it to the sum; the caller may drop its vector
    /// afterwards. A fault (a non-finite value, a defense's invalid output, a value outside the exact sum's range) is
    /// kept for the client and thrown by <see cref="ExperimentServer.Complete"/> if the round gets there, as the
    /// simulation would throw it. A client added twice is an error.
    /// </summary>
    public void Add(ClientUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        lock (_gate)
        {
            if (_verdicts.ContainsKey(update.ClientId) || _faults.ContainsKey(update.ClientId))
            {
                throw new InvalidOperationException($"Client {update.ClientId}'s update was added to round {Round + 1}'s sum already.");
            }

            try
            {
                var verdicts = new ClientVerdict[_defenses.Count];
                UpdateValidator.Check(update, _context.Layout, "local training");
                for (int i = 0; i < _defenses.Count; i++)
                {
                    var (name, defense) = _defenses[i];
                    var meter = MemoryMeter.Start(_context);
                    var outcome = defense.DefendBeforeAggregation(new[] { update }, _context);
                    _allocated[i] += meter.Stop(name, defense, _context).AllocatedBytes;
                    if (outcome.Updates.Count != 1 || outcome.Verdicts.Count != 1)
                    {
                        throw new InvalidUpdateException($"The per-update defense '{name}' returned {outcome.Updates.Count} updates and {outcome.Verdicts.Count} verdicts for client {update.ClientId}'s one update; it must keep every update.");
                    }

                    update = outcome.Updates[0];
                    verdicts[i] = outcome.Verdicts[0];
                    UpdateValidator.Check(update, _context.Layout, $"the defense '{name}'");
                }

                ServerRound.AddExactly(_sum, update);

                _verdicts[update.ClientId] = verdicts;
            }
            catch (InvalidUpdateException e)
            {
                _faults[update.ClientId] = e.Message;
            }
            finally
            {
                // The clipped vector is in the sum: its buffer serves the next update.
                _context.Buffers.Recycle();
            }
        }
    }

    /// <summary>
    /// The memory of each per-update defense over the round, as <see cref="ServerRound"/> records it for a whole-list
    /// call: the state it reports, and its scratch summed over the updates it saw (timing-like: left out of run comparisons).
    /// </summary>
    internal List<DefenseMemory> Memory()
    {
        lock (_gate)
        {
            return _defenses.Select((d, i) => new DefenseMemory(d.Name, MemoryMeter.StateBytesOf(d.Defense, _context), _allocated[i])).ToList();
        }
    }

    /// <summary>The reports of the per-update defenses for the clients of <paramref name="order"/> (sampling order), as the whole-list run gives them.</summary>
    internal IReadOnlyList<(string Name, IReadOnlyList<ClientVerdict> Verdicts)> Reports(IReadOnlyList<int> order)
    {
        lock (_gate)
        {
            foreach (int c in order)
            {
                if (_faults.TryGetValue(c, out var fault))
                {
                    throw new InvalidUpdateException(fault);
                }

                if (!_verdicts.ContainsKey(c))
                {
                    throw new InvalidOperationException($"Client {c}'s update is not in round {Round + 1}'s sum.");
                }
            }

            if (order.Count != _verdicts.Count)
            {
                throw new InvalidOperationException($"Round {Round + 1}'s sum holds {_verdicts.Count} updates; the round has {order.Count}.");
            }

            return _defenses.Select((d, i) => (d.Name, (IReadOnlyList<ClientVerdict>)order.Select(c => _verdicts[c][i]).ToArray())).ToArray();
        }
    }
}
