namespace FedSec.Parameters;

/// <summary>
/// Maps a model's state (named tensors, trainable parameters and buffers) to one flat <c>float[]</c>.
/// Entries are contiguous and in the model's own order; trainable parameters and buffers are told apart
/// so that defenses can act on trainable parameters only.
/// </summary>
public sealed class ParameterLayout
{
    private readonly Dictionary<string, ParameterEntry> _byName;

    /// <summary>Builds a layout from (name, shape, kind) triples, assigning offsets in order.</summary>
    public ParameterLayout(IEnumerable<(string Name, IReadOnlyList<long> Shape, ParameterKind Kind)> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        var entries = new List<ParameterEntry>();
        _byName = new Dictionary<string, ParameterEntry>(StringComparer.Ordinal);
        int offset = 0;
        foreach (var (name, shape, kind) in tensors)
        {
            var entry = new ParameterEntry(name, shape.ToArray(), offset, kind);
            if (!_byName.TryAdd(name, entry))
            {
                throw new ArgumentException($"The tensor name '{name}' appears twice in the layout.", nameof(tensors));
            }

            entries.Add(entry);
            offset = checked(offset + entry.Length);
        }

        Entries = entries;
        Length = offset;
        TrainableLength = entries.Where(e => e.Kind == ParameterKind.Trainable).Sum(e => e.Length);
    }

    /// <summary>The tensors in vector order.</summary>
    public IReadOnlyList<ParameterEntry> Entries { get; }

    /// <summary>Length of the flat vector (trainable parameters and buffers).</summary>
    public int Length { get; }

    /// <summary>Number of trainable elements.</summary>
    public int TrainableLength { get; }

    /// <summary>True when every element is trainable (no buffers), so the whole vector can be treated alike.</summary>
    public bool AllTrainable => TrainableLength == Length;

    /// <summary>Looks an entry up by name.</summary>
    public ParameterEntry this[string name] =>
        _byName.TryGetValue(name, out var e) ? e : throw new KeyNotFoundException($"No tensor named '{name}' in the layout.");

    /// <summary>Whether the layout has a tensor of that name.</summary>
    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>The slice of <paramref name="vector"/> that holds <paramref name="entry"/>.</summary>
    public static Span<float> Slice(float[] vector, ParameterEntry entry) => vector.AsSpan(entry.Offset, entry.Length);

    /// <summary>Copies the trainable elements of a full vector into a packed vector of <see cref="TrainableLength"/>.</summary>
    public float[] GatherTrainable(ReadOnlySpan<float> full)
    {
        CheckLength(full.Length);
        if (AllTrainable)
        {
            return full.ToArray();
        }

        var packed = new float[TrainableLength];
        GatherTrainable(full, packed);
        return packed;
    }

    /// <summary>Copies the trainable elements of a full vector into <paramref name="packed"/> (<see cref="TrainableLength"/> elements).</summary>
    public void GatherTrainable(ReadOnlySpan<float> full, Span<float> packed)
    {
        CheckLength(full.Length);
        if (packed.Length != TrainableLength)
        {
            throw new ArgumentException($"The packed vector has {packed.Length} elements; the layout has {TrainableLength} trainable ones.", nameof(packed));
        }

        int at = 0;
        foreach (var e in Entries)
        {
            if (e.Kind == ParameterKind.Trainable)
            {
                full.Slice(e.Offset, e.Length).CopyTo(packed.Slice(at));
                at += e.Length;
            }
        }
    }

    /// <summary>Writes a packed trainable vector back into the trainable slices of <paramref name="full"/>.</summary>
    public void ScatterTrainable(ReadOnlySpan<float> packed, Span<float> full)
    {
        CheckLength(full.Length);
        if (packed.Length != TrainableLength)
        {
            throw new ArgumentException($"The packed vector has {packed.Length} elements; the layout has {TrainableLength} trainable ones.", nameof(packed));
        }

        int at = 0;
        foreach (var e in Entries)
        {
            if (e.Kind == ParameterKind.Trainable)
            {
                packed.Slice(at, e.Length).CopyTo(full.Slice(e.Offset, e.Length));
                at += e.Length;
            }
        }
    }

    /// <summary>Throws when a vector's length does not match the layout.</summary>
    public void CheckLength(int length)
    {
        if (length != Length)
        {
            throw new ArgumentException($"The vector has {length} elements; the layout expects {Length}.");
        }
    }

    /// <summary>A short description: tensor count, trainable and buffer elements.</summary>
    public override string ToString() =>
        $"{Entries.Count} tensors, {TrainableLength} trainable + {Length - TrainableLength} buffer elements";
}
