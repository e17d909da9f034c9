using FedSec.Attacks.Backdoor;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Attacks.Neurotoxin;

/// <summary>
/// Neurotoxin (Zhang, Panda, Song, Yang, Mahoney, Mittal, Ramchandran and Gonzalez, "Neurotoxin: Durable backdoors in
/// federated learning", ICML 2022). The malicious clients poison their data as the pixel-pattern backdoor does
/// (<see cref="BackdoorAttack"/>) and train with the update projected onto the coordinates the benign clients change
/// least: the attacker estimates the benign update by the change of the global model since the last one it saw, and
/// keeps the top (1 − ratio) of its coordinates by magnitude at the global value after every local step
/// (<see cref="NeurotoxinConstraint"/>). Benign updates, concentrated on those top coordinates, then rarely overwrite
/// the backdoor, which makes it durable after the attack stops. In the first round the attacker takes part in there is
/// no previous global model and the training is unconstrained. The memory of the last two global models is the
/// attack's cross-round state (<see cref="ICrossRoundState"/>).
/// </summary>
internal sealed class NeurotoxinAttack : IDataPoisoningAttack, IConstrainsLocalTraining, IControlsClients, IBackdoorAttack, ICrossRoundState
{
    private readonly NeurotoxinOptions _options;
    private readonly BackdoorAttack _backdoor;
    private readonly object _gate = new();
    private int _round = -1;
    private float[]? _current;
    private float[]? _previous;
    private bool[]? _frozen;

    public NeurotoxinAttack(NeurotoxinOptions options)
    {
        _options = options;
        _backdoor = new BackdoorAttack(options.Backdoor);
    }

    public MaliciousClientSpec MaliciousClients => _backdoor.MaliciousClients;

    public int TargetLabel => _backdoor.TargetLabel;

    public ImageSet PoisonData(ImageSet data, ClientContext context) => _backdoor.PoisonData(data, context);

    public ImageSet TriggeredTestSet(ImageSet cleanTest) => _backdoor.TriggeredTestSet(cleanTest);

    public ILocalModelConstraint ConstraintFor(ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new NeurotoxinConstraint(this, context.Round);
    }

    /// <summary>
    /// The frozen coordinates for <paramref name="round"/> (its global model <paramref name="global"/>): computed once
    /// per round from the last global model seen in an earlier round; null when there is none.
    /// </summary>
    internal bool[]? FrozenFor(int round, ReadOnlySpan<float> global, ParameterLayout layout)
    {
        lock (_gate)
        {
            if (round != _round)
            {
                if (_current is not null && round > _round)
                {
                    _previous = _current;
                }

                _round = round;
                _current = global.ToArray();
                _frozen = _previous is null || _previous.Length != global.Length
                    ? null
                    : NeurotoxinMask.Frozen(_current, _previous, layout, _options.Ratio);
            }

            return _frozen;
        }
    }

    public void WriteState(BinaryWriter writer)
    {
        lock (_gate)
        {
            writer.Write(_round);
            StateVectors.Write(writer, _current);
            StateVectors.Write(writer, _previous);
        }
    }

    public void ReadState(BinaryReader reader)
    {
        lock (_gate)
        {
            _round = reader.ReadInt32();
            _current = StateVectors.Read(reader);
            _previous = StateVectors.Read(reader);
            _frozen = null;
            _round = _current is null ? -1 : _round;
        }
    }
}
