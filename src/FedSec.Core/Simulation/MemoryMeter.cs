using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>
/// Measures one defense call for <see cref="DefenseMemory"/>: the managed bytes allocated on the calling thread and the
/// bytes of reused <see cref="RoundBuffers"/> vectors rented between <see cref="Start"/> and <see cref="Stop"/>, and the
/// state the defense reports afterwards.
/// </summary>
internal readonly struct MemoryMeter
{
    private readonly long _allocated;
    private readonly long _reused;

    private MemoryMeter(long allocated, long reused)
    {
        _allocated = allocated;
        _reused = reused;
    }

    /// <summary>Takes the counters before the call.</summary>
    public static MemoryMeter Start(RoundContext context) =>
        new(GC.GetAllocatedBytesForCurrentThread(), context.Buffers.ReusedBytes);

    /// <summary>The memory of the call that just returned, for the defense <paramref name="defense"/> named <paramref name="name"/>.</summary>
    public DefenseMemory Stop(string name, object defense, RoundContext context)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread() - _allocated;
        long reused = context.Buffers.ReusedBytes - _reused;
        return new DefenseMemory(name, StateBytesOf(defense, context), allocated + reused);
    }

    /// <summary>What <paramref name="defense"/> keeps across rounds, with the server data set held out for it.</summary>
    public static long StateBytesOf(object defense, RoundContext context) =>
        (defense is IReportsStateBytes stateful ? stateful.StateBytes : 0) + (defense is INeedsServerData ? context.ServerDataBytes : 0);
}
