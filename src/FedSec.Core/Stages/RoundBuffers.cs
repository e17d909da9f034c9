namespace FedSec.Stages;

/// <summary>
/// Vectors a server-side stage may write the updates it returns into, reused from round to round. A defense that
/// returns a new vector per client (norm-difference clipping) rents them here instead of allocating n fresh arrays
/// each round: writing memory the process already has is cheaper than touching new pages (on the 2-vCPU VM of
/// <c>docs/performance.md</c> a first-touched page costs about 8 µs, which for 100 ResNet-20-sized updates is more than
/// the clipping arithmetic).
/// </summary>
/// <remarks>
/// A rented vector is the stage's until the round's new global model is made; then the engine recycles every vector
/// rented in the round (<see cref="Recycle"/>) and the next round's rentals reuse them. A component that keeps an update
/// across rounds must copy it. The engine copies a rented vector that became the global model before recycling.
/// Thread-safe.
/// </remarks>
public sealed class RoundBuffers
{
    private readonly object _gate = new();
    private readonly Dictionary<int, Stack<float[]>> _free = new();
    private readonly HashSet<float[]> _rented = new(ReferenceEqualityComparer.Instance);
    private long _reusedBytes;

    /// <summary>Number of vectors rented since the last <see cref="Recycle"/>.</summary>
    public int RentedCount
    {
        get
        {
            lock (_gate)
            {
                return _rented.Count;
            }
        }
    }

    /// <summary>
    /// Bytes of the vectors handed out again from earlier rounds since this instance was made (a fresh vector is an
    /// allocation the GC counts; a reused one is not, so a memory measure adds this: see <c>DefenseMemory</c>).
    /// </summary>
    public long ReusedBytes
    {
        get
        {
            lock (_gate)
            {
                return _reusedBytes;
            }
        }
    }

    /// <summary>A vector of <paramref name="length"/> elements, valid until the round ends; its contents are unspecified.</summary>
    /// <param name="length">The number of elements, ≥ 0.</param>
    public float[] Rent(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        float[]? vector = null;
        lock (_gate)
        {
            if (_free.TryGetValue(length, out var stack) && stack.Count > 0)
            {
                vector = stack.Pop();
                _reusedBytes += (long)length * sizeof(float);
            }
        }

        vector ??= GC.AllocateUninitializedArray<float>(length);
        lock (_gate)
        {
            _rented.Add(vector);
        }

        return vector;
    }

    /// <summary>True when <paramref name="vector"/> was rented in this round and not recycled yet.</summary>
    public bool IsRented(float[] vector)
    {
        lock (_gate)
        {
            return _rented.Contains(vector);
        }
    }

    /// <summary>Ends the round: every rented vector becomes available to the next rentals. Only the engine calls this.</summary>
    public void Recycle()
    {
        lock (_gate)
        {
            foreach (var vector in _rented)
            {
                if (!_free.TryGetValue(vector.Length, out var stack))
                {
                    stack = new Stack<float[]>();
                    _free[vector.Length] = stack;
                }

                stack.Push(vector);
            }

            _rented.Clear();
        }
    }
}
