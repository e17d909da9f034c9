using FedSec.Data;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Testing;

/// <summary>
/// An attack whose attacker's side tells the last malicious client of each round (in sampling order) to relabel all its
/// data as class (round + 1) mod 10 (<see cref="IDirectsClients"/>); the other malicious clients train as honest ones. A
/// distributed run gives the simulation's numbers only when each directive reaches the node hosting its client.
/// </summary>
public sealed class FakeDirectingAttack : IDataPoisoningAttack, IModelPoisoningAttack, IDirectsClients, IControlsClients
{
    private readonly object _gate = new();
    private readonly List<(int Round, int Client, int Directive)> _seen = [];

    /// <summary>An attack controlled by the given clients.</summary>
    public FakeDirectingAttack(params int[] malicious) => MaliciousClients = new MaliciousClientSpec(malicious.Length, malicious);

    /// <inheritdoc />
    public MaliciousClientSpec MaliciousClients { get; }

    /// <summary>Each directive a client of this instance trained with: (round, client, directive).</summary>
    public IReadOnlyList<(int Round, int Client, int Directive)> Seen
    {
        get
        {
            lock (_gate)
            {
                return _seen.ToList();
            }
        }
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<int, int> Direct(RoundStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        return new Dictionary<int, int> { [start.Malicious[^1]] = (start.Round + 1) % 10 };
    }

    /// <inheritdoc />
    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        if (context.Directive is int label)
        {
            lock (_gate)
            {
                _seen.Add((context.Round, context.ClientId, label));
            }

            Array.Fill(data.Labels, label);
        }

        return data;
    }

    /// <inheritdoc />
    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context) => updates;
}
