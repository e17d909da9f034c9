namespace FedSec.Stages;

/// <summary>
/// A defense (or any component) that keeps data from round to round reports how many bytes that state holds, so a run
/// can say which defenses' memory grows with rounds, clients or model size (<c>rounds.jsonl</c>'s
/// <c>defense_memory</c>). The count is exact and computed from the arrays held: element count × element size of every
/// vector, window and score kept (e.g. FoolsGold: one float per trainable parameter per client seen), without object
/// headers, dictionary entries or the keys that index them. A component that does not implement it keeps nothing
/// across rounds and reports 0. The data set the engine holds out for an <see cref="INeedsServerData"/> defense is
/// counted by the engine (<see cref="RoundContext.ServerDataBytes"/>), not here.
/// </summary>
public interface IReportsStateBytes
{
    /// <summary>Bytes of the arrays this instance keeps for the next round, now.</summary>
    long StateBytes { get; }
}
