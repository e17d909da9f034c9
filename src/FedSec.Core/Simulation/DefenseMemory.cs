namespace FedSec.Simulation;

/// <summary>
/// The memory one defense used in one round (<c>rounds.jsonl</c>'s <c>defense_memory</c>).
/// </summary>
/// <param name="Name">The defense's configured name.</param>
/// <param name="StateBytes">
/// Bytes it keeps for later rounds after this round: exact, from the arrays it holds (<see cref="Stages.IReportsStateBytes"/>),
/// plus the server's held-out data set for a defense that needs one (<see cref="Stages.RoundContext.ServerDataBytes"/>);
/// 0 for a stateless defense. Deterministic.
/// </param>
/// <param name="AllocatedBytes">
/// Its scratch in the round, measured as the managed bytes allocated on the server's thread during its call
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/> after minus before) plus the bytes of the vectors it rented from
/// <see cref="Stages.RoundBuffers"/> that were reused rather than allocated. Every array it used, counted once, whether
/// or not it was freed during the call: an upper bound on the managed scratch it held at once on that thread. It does
/// not count allocations on worker threads of a parallel kernel (small: they write into arrays the call allocated),
/// native memory (FLTrust's and AFLGuard's training on the server's data in libtorch), nor the returned updates the
/// engine keeps. Like the round's seconds it is a measurement, not a result: type initialisation and pooled arrays make
/// it vary a little between runs, and run comparisons leave it out (<see cref="RoundRecord.WithoutTimings"/>).
/// </param>
public sealed record DefenseMemory(string Name, long StateBytes, long AllocatedBytes);
