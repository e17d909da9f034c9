namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// Where 3DFed plants its indicators (<c>design_indicator</c> of the authors' code): in the indicator layer, among the
/// coordinates whose update is smallest in magnitude in every model sent and in the benign update (parameters that
/// training hardly moves, so the global model's change there is the planted value's trace alone), those where the loss
/// on the attacker's data curves least, so that the planted value changes the model's behaviour least. The authors send
/// one backdoor update from every attacker slot (plus masks elsewhere), so they rank by |backdoor| + |benign|; FedSec's
/// attackers each train their own, so a coordinate is ranked by the largest |update| among the models sent plus
/// |benign|: ranking by the models' mean instead chose, in LeNet-5, coordinates where two updates of ±7e-4 cancel, and
/// their planted values (×1e5) of 28 and 75 wrecked the model under FedAvg. Of the <c>candidates × count</c> quietest,
/// the <c>count</c> of smallest |curvature| are kept (the curvature being Σ H·1 on the layer, <see cref="ThreeDFedAttack"/>),
/// ties broken by the quieter update, then by position. The authors keep them by a streaming loop in which a candidate of
/// zero curvature displaces the current largest-curvature pick only when its update is smaller, so their outcome depends
/// on the scan order; FedSec ranks. Without a curvature (no malicious client reported one) the quietest are taken.
/// </summary>
internal static class IndicatorDesign
{
    /// <summary>
    /// The <paramref name="count"/> coordinates (full-vector positions) chosen in the layer at <paramref name="offset"/>:
    /// of the <paramref name="candidates"/> × <paramref name="count"/> (at most the layer) of smallest
    /// max_j |models[j] − global| + |benign|, those of smallest |<paramref name="curvature"/>| (one value per layer
    /// coordinate); without a curvature, the quietest.
    /// </summary>
    public static int[] Choose(IReadOnlyList<float[]> models, ReadOnlySpan<float> global, ReadOnlySpan<float> benignDelta, int offset, int length, int count, int candidates = 1, float[]? curvature = null)
    {
        ArgumentNullException.ThrowIfNull(models);
        ArgumentOutOfRangeException.ThrowIfLessThan(candidates, 1);
        if (count > length)
        {
            throw new InvalidOperationException($"3dfed needs {count} indicator coordinates but its indicator layer has {length}.");
        }

        if (curvature is not null && curvature.Length != length)
        {
            throw new ArgumentException($"The curvature has {curvature.Length} values; the indicator layer has {length}.", nameof(curvature));
        }

        var analog = new (double Value, int Position)[length];
        for (int k = 0; k < length; k++)
        {
            int p = offset + k;
            double loudest = 0;
            foreach (var model in models)
            {
                loudest = Math.Max(loudest, Math.Abs(model[p] - (double)global[p]));
            }

            analog[k] = (loudest + Math.Abs(benignDelta[p]), p);
        }

        var quietest = analog.OrderBy(a => a.Value).ThenBy(a => a.Position).Take((int)Math.Min((long)candidates * count, length)).ToArray();
        if (curvature is null)
        {
            return quietest.Take(count).Select(a => a.Position).ToArray();
        }

        var bent = quietest.Select(a => (Curvature: Math.Abs((double)curvature[a.Position - offset]), a.Value, a.Position)).ToArray();
        return bent.OrderBy(a => a.Curvature).ThenBy(a => a.Value).ThenBy(a => a.Position).Take(count).Select(a => a.Position).ToArray();
    }

    /// <summary>
    /// The value a model carries at its indicator: its update there times 1e5, as the authors plant it; a zero update
    /// gets 1e-2 (their MNIST value) instead, so the feedback stays a defined ratio.
    /// </summary>
    public static float Plant(float update) => update == 0 ? 1e-2f : update * 1e5f;
}
