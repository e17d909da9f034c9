using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Torch.Triggers.Iba;

/// <summary>
/// IBA (Nguyen, Nguyen, Le, Tran, Doan, Dao and Wong, "IBA: Towards Irreversible Backdoor Attacks in Federated
/// Learning", NeurIPS 2023). In every round it is active, the first malicious client to train (in client order) trains
/// the trigger generator against the global model it received (<see cref="IbaTrigger.Train"/>), continuing from last
/// round's generator. Each malicious client of the round then computes its low-confidence coordinates at the global
/// model on its clean data (<see cref="IbaMask"/>), replaces a seeded <c>poison_fraction</c> of its samples by
/// clip(x + ε·G(x), 0, 1) relabelled to <c>target_label</c>, and trains under <see cref="IbaConstraint"/> (mask and
/// L2 projection). The generator is cross-round state (<see cref="ICrossRoundState"/>), and the attack success rate is
/// measured with the latest one (<see cref="IAdaptiveBackdoorAttack"/>).
/// </summary>
internal sealed class IbaAttack : IDataPoisoningAttack, IConstrainsLocalTraining, IControlsClients, IAdaptiveBackdoorAttack, ICrossRoundState, IDisposable
{
    private readonly IbaOptions _options;
    private readonly TriggerModelSettings _settings;
    private readonly object _gate = new();
    private readonly Dictionary<int, bool[]> _masks = new();
    private IbaTrigger? _trigger;
    private InputGradientModel? _model;
    private int _trainedRound = -1;
    private int _maskRound = -1;
    private long _version;

    public IbaAttack(IbaOptions options, TriggerModelSettings settings)
    {
        _options = options;
        _settings = settings;
    }

    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

    public int TargetLabel => _options.TargetLabel;

    public long TriggerVersion
    {
        get
        {
            lock (_gate)
            {
                return _version;
            }
        }
    }

    /// <summary>Generator passes run in the last training (for tests).</summary>
    internal int LastGeneratorEpochs { get; private set; }

    /// <summary>The trigger (the generator and ε).</summary>
    internal IbaTrigger Trigger
    {
        get
        {
            lock (_gate)
            {
                return TriggerLocked();
            }
        }
    }

    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        TriggerSamples.CheckTarget(_options.TargetLabel, data);
        lock (_gate)
        {
            var trigger = TriggerLocked();
            if (!context.GlobalModel.IsEmpty)
            {
                _model ??= new InputGradientModel(_settings.Model, _settings.Data);
                _model.Load(context.GlobalModel.Span);
                if (context.Round != _trainedRound)
                {
                    LastGeneratorEpochs = trigger.Train(_model, data, _options.TargetLabel, _options.GeneratorLr, _options.GeneratorEpochs, _settings.BatchSize, context.Random("iba-generator"));
                    _trainedRound = context.Round;
                    _version++;
                }

                if (context.Round != _maskRound)
                {
                    _masks.Clear();
                    _maskRound = context.Round;
                }

                _masks[context.ClientId] = IbaMask.Frozen(_model, data, _settings.BatchSize, _options.MaskRatio);
            }

            var chosen = TriggerSamples.Choose(data.Count, _options.PoisonFraction, context.Random("backdoor"));
            trigger.Poison(data, chosen, _settings.BatchSize);
            foreach (var i in chosen)
            {
                data.Labels[i] = _options.TargetLabel;
            }

            return data;
        }
    }

    public ILocalModelConstraint? ConstraintFor(ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_gate)
        {
            var frozen = _maskRound == context.Round && _masks.TryGetValue(context.ClientId, out var mask) ? mask : null;
            return new IbaConstraint(frozen, _options.PgdEps);
        }
    }

    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        ArgumentNullException.ThrowIfNull(cleanTest);
        TriggerSamples.CheckTarget(_options.TargetLabel, cleanTest);
        var subset = TriggerSamples.NonTarget(cleanTest, _options.TargetLabel);
        lock (_gate)
        {
            TriggerLocked().Poison(subset, Enumerable.Range(0, subset.Count).ToArray(), 256);
        }

        return subset;
    }

    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (_gate)
        {
            writer.Write(_trainedRound);
            StateVectors.Write(writer, _trainedRound < 0 ? null : TriggerLocked().Weights());
        }
    }

    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_gate)
        {
            _trainedRound = reader.ReadInt32();
            var weights = StateVectors.Read(reader);
            _trigger?.Dispose();
            _trigger = null;
            if (weights is not null)
            {
                TriggerLocked().Load(weights);
            }

            _masks.Clear();
            _maskRound = -1;
            _version++;
        }
    }

    public void Dispose()
    {
        _trigger?.Dispose();
        _model?.Dispose();
    }

    private IbaTrigger TriggerLocked() => _trigger ??= new IbaTrigger(_settings.Data.Channels, _options.Epsilon, _settings.Seed);
}
