using FedSec.Data;
using FedSec.Stages;

namespace FedSec.Testing;

/// <summary>
/// A data-poisoning backdoor whose "trigger" is a number that each malicious client's training changes (it adds
/// (round + 1)·(client + 1), an order-free change), with that number as its cross-round state; it records the trigger
/// each triggered test set was built with, so a test can see which trigger the attack success rate was measured with.
/// </summary>
public sealed class FakeAdaptiveBackdoor : IDataPoisoningAttack, IAdaptiveBackdoorAttack, ICrossRoundState, IControlsClients
{
    private readonly object _gate = new();
    private readonly List<long> _measuredWith = new();
    private long _trigger = 1;

    /// <summary>A backdoor controlled by the given clients.</summary>
    public FakeAdaptiveBackdoor(params int[] malicious) => MaliciousClients = new MaliciousClientSpec(malicious.Length, malicious);

    /// <inheritdoc />
    public MaliciousClientSpec MaliciousClients { get; }

    /// <inheritdoc />
    public int TargetLabel => 0;

    /// <summary>The current trigger.</summary>
    public long Trigger
    {
        get
        {
            lock (_gate)
            {
                return _trigger;
            }
        }
    }

    /// <inheritdoc />
    public long TriggerVersion => Trigger;

    /// <summary>The trigger of each triggered test set built, in order.</summary>
    public IReadOnlyList<long> MeasuredWith
    {
        get
        {
            lock (_gate)
            {
                return _measuredWith.ToList();
            }
        }
    }

    /// <inheritdoc />
    public ImageSet PoisonData(ImageSet data, ClientContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        lock (_gate)
        {
            _trigger += (long)(context.Round + 1) * (context.ClientId + 1);
        }

        return data;
    }

    /// <inheritdoc />
    public ImageSet TriggeredTestSet(ImageSet cleanTest)
    {
        ArgumentNullException.ThrowIfNull(cleanTest);
        lock (_gate)
        {
            _measuredWith.Add(_trigger);
        }

        return cleanTest.Subset([.. Enumerable.Range(0, cleanTest.Count)]);
    }

    /// <inheritdoc />
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        lock (_gate)
        {
            writer.Write(_trigger);
            StateVectors.Write(writer, [_trigger]);
        }
    }

    /// <inheritdoc />
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_gate)
        {
            // Written before it is checked, as a real attack may: a failed read leaves a half-read state behind.
            _trigger = reader.ReadInt64();
            var check = StateVectors.Read(reader);
            if (check is not [var copy] || copy != _trigger)
            {
                throw new InvalidDataException($"the trigger {_trigger} and its copy ({(check is null ? "none" : string.Join(",", check))}) differ");
            }
        }
    }
}
