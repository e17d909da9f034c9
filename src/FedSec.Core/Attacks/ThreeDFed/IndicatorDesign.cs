namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// Where 3DFed plants its indicators (<c>design_indicator</c> of the authors' code): in the indicator layer, the
/// coordinates whose backdoor update plus benign update is smallest in magnitude, parameters that training hardly
/// moves, so the global model's change there is the planted value's trace alone. The authors then keep, of their
/// candidates, those of lowest curvature (second derivative of the loss on the attacker's data); that needs the model
/// and data at the server's side of the attack and is not done here: the smallest |backdoor| + |benign| coordinates
/// are taken directly, ties broken by position.
/// </summary>
internal static class IndicatorDesign
{
    /// <summary>The <paramref name="count"/> coordinates (full-vector positions) with the smallest |backdoor| + |benign|.</summary>
    public static int[] Choose(ReadOnlySpan<float> backdoorDelta, ReadOnlySpan<float> benignDelta, int offset, int length, int count)
    {
        if (count > length)
        {
            throw new InvalidOperationException($"3dfed needs {count} indicator coordinates but its indicator layer has {length}.");
        }

        var analog = new (double Value, int Position)[length];
        for (int k = 0; k < length; k++)
        {
            int p = offset + k;
            analog[k] = (Math.Abs(backdoorDelta[p]) + (double)Math.Abs(benignDelta[p]), p);
        }

        return analog.OrderBy(a => a.Value).ThenBy(a => a.Position).Take(count).Select(a => a.Position).ToArray();
    }

    /// <summary>
    /// The value a model carries at its indicator: its update there times 1e5, as the authors plant it; a zero update
    /// gets 1e-2 (their MNIST value) instead, so the feedback stays a defined ratio.
    /// </summary>
    public static float Plant(float update) => update == 0 ? 1e-2f : update * 1e5f;
}
