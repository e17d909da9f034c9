using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Torch.Triggers.A3fl;

/// <summary>
/// A3FL (Zhang, Jia, Wang and Gong, "A3FL: Adversarially Adaptive Backdoor Attacks to Federated Learning", NeurIPS
/// 2023). In every round it is active, the first malicious client to train (in client order) optimises the trigger
/// pattern against the global model it received and adversarially adapted copies of it (<see cref="A3flSearch"/>),
/// starting from last round's pattern; then each malicious client of the round stamps that trigger on a seeded
/// <c>poison_fraction</c> of its samples, relabels them to <c>target_label</c> and trains normally. The pattern is
/// cross-round state (<see cref="ICrossRoundState"/>), and the attack success rate is measured with the latest one
/// (<see cref="IAdaptiveBackdoorAttack"/>).
/// </summary>
internal sealed class A3flAttack : IDataPoisoningAttack, IControlsClients, IAdaptiveBackdoorAttack, ICrossRoundState, IDisposable
{
    private readonly A3flOptions _options;
    private readonly TriggerModelSettings _settings;
    private readonly object _gate = new();
    private InputGradientModel? _model;
    private A3flSearch? _search;
    private A3flTrigger? _trigger;
    private int _searchedRound = -1;
    private long _version;

    public A3flAttack(A3flOptions options, TriggerModelSettings settings)
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

    /// <summary>The current trigger (the initial one before the first search).</summary>
    internal A3flTrigger Trigger
    {
        get
        {
            lock (_gate)
            {
                return TriggerLocked();
            }
        }
    }

    /// <summary>The search (for tests); created at the first search.</summary>
    internal A3flSearch? Search => _search;

    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        TriggerSamples.CheckTarget(_options.TargetLabel, data);
        lock (_gate)
        {
            var trigger = TriggerLocked();
            if (context.Round != _searchedRound && !context.GlobalModel.IsEmpty)
            {
                _model ??= new InputGradientModel(_settings.Model, _settings.Data);
                _search ??= new A3flSearch(_options, _settings, _model);
                var pattern = _search.Search(trigger, context.GlobalModel.Span, data, context.Random("a3fl-trigger"), context.Seeds.DeriveInt("a3fl-adversarial", context.Round, context.ClientId));
                _trigger = trigger = trigger.WithPattern(pattern);
                _searchedRound = context.Round;
                _version++;
            }

            trigger.Stamp(data, Poison(data, context));
            return data;
        }
    }

    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        ArgumentNullException.ThrowIfNull(cleanTest);
        TriggerSamples.CheckTarget(_options.TargetLabel, cleanTest);
        var subset = TriggerSamples.NonTarget(cleanTest, _options.TargetLabel);
        Trigger.Stamp(subset, Enumerable.Range(0, subset.Count).ToArray());
        return subset;
    }

    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (_gate)
        {
            writer.Write(_searchedRound);
            StateVectors.Write(writer, _trigger?.Pattern);
        }
    }

    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_gate)
        {
            _searchedRound = reader.ReadInt32();
            var pattern = StateVectors.Read(reader);
            _trigger = pattern is null ? null : Initial().WithPattern(pattern);
            _version++;
        }
    }

    public void Dispose()
    {
        _model?.Dispose();
    }

    private int[] Poison(ImageSet data, ClientContext context)
    {
        var chosen = TriggerSamples.Choose(data.Count, _options.PoisonFraction, context.Random("backdoor"));
        foreach (var i in chosen)
        {
            data.Labels[i] = _options.TargetLabel;
        }

        return chosen;
    }

    private A3flTrigger TriggerLocked() => _trigger ??= Initial();

    private A3flTrigger Initial() => A3flTrigger.Initial(_options.Size, _options.Position, _settings.Data.Channels, _settings.Data.Height, _settings.Data.Width);
}
