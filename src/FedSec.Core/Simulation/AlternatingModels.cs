namespace FedSec.Simulation;

/// <summary>
/// Two model-sized arrays used in turn for the rounds' FedAvg aggregates: the aggregate of round r becomes the global
/// model of round r + 1 (which reads it), so round r + 1 writes into the other array, and round r + 2 overwrites round
/// r's, which nothing references any more (components copy what they keep across rounds). Writing into memory the
/// process already has saves the first-touch cost of a fresh array every round (about 8 µs a page on the 2-vCPU VM),
/// which made FedAvg twice the cost of one read of the updates at n = 10 (docs/performance.md).
/// </summary>
internal sealed class AlternatingModels
{
    private readonly float[]?[] _arrays = new float[2][];
    private int _next;

    /// <summary>The array to write this round's model into (not the one returned last time).</summary>
    public float[] Next(int length)
    {
        var array = _arrays[_next];
        if (array is null || array.Length != length)
        {
            array = _arrays[_next] = GC.AllocateUninitializedArray<float>(length);
        }

        _next ^= 1;
        return array;
    }
}
