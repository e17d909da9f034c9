using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// An asynchronous run's recent global models by server step (the last <c>max_staleness</c> + 1), for stale clients to
/// train from. Cross-round state (<see cref="ICrossRoundState"/>), so a distributed server resumed from a checkpoint
/// hands its stale clients the same models an uninterrupted run would.
/// </summary>
internal sealed class ModelVersions : ICrossRoundState
{
    private readonly Dictionary<int, float[]> _models = new();
    private readonly int _keep;
    private readonly int _length;

    /// <param name="initial">The global model of step 0.</param>
    /// <param name="maxStaleness">The largest staleness: the models of that many earlier steps are kept.</param>
    public ModelVersions(float[] initial, int maxStaleness)
    {
        _keep = maxStaleness + 1;
        _length = initial.Length;
        _models[0] = (float[])initial.Clone();
    }

    /// <summary>The global model of server step <paramref name="step"/> (one of the last max_staleness + 1).</summary>
    public float[] this[int step] => _models[step];

    /// <summary>Keeps <paramref name="global"/> as step <paramref name="step"/>'s model and forgets the one too old to be asked for.</summary>
    public void Add(int step, float[] global)
    {
        _models[step] = (float[])global.Clone();
        _models.Remove(step - _keep);
    }

    /// <summary>Writes the kept models, by step.</summary>
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_models.Count);
        foreach (var (step, model) in _models.OrderBy(p => p.Key))
        {
            writer.Write(step);
            StateVectors.Write(writer, model);
        }
    }

    /// <summary>Replaces the kept models with what <see cref="WriteState"/> wrote; a count, step or length that cannot be this run's is an error.</summary>
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int count = reader.ReadInt32();
        if (count < 1 || count > _keep)
        {
            throw new InvalidDataException($"The checkpoint holds {count} past global models; this run keeps 1 to {_keep} (max_staleness + 1).");
        }

        var read = new Dictionary<int, float[]>();
        for (int i = 0; i < count; i++)
        {
            int step = reader.ReadInt32();
            var model = StateVectors.Read(reader);
            if (step < 0 || model is null || model.Length != _length || !read.TryAdd(step, model))
            {
                throw new InvalidDataException($"The checkpoint's past global model {i + 1} (step {step}, {model?.Length ?? 0} values) is not one of this run's (steps once each, {_length} values).");
            }
        }

        _models.Clear();
        foreach (var (step, model) in read)
        {
            _models[step] = model;
        }
    }
}
