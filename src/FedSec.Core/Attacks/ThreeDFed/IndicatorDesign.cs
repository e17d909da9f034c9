namespace FedSec.Attacks.ThreeDFed;

/// <summary>
/// Where 3DFed plants its indicators (<c>design_indicator</c> of the authors' code): in the indicator layer, the
/// coordinates whose update is smallest in magnitude in every model sent and in the benign update, parameters that
/// training hardly moves, so the global model's change there is the planted value's trace alone. The authors send one
/// backdoor update from every attacker slot (plus masks elsewhere), so they rank by |backdoor| + |benign|; FedSec's
/// attackers each train their own, so a coordinate is ranked by the largest |update| among the models sent plus
/// |benign|: ranking by the models' mean instead chose, in LeNet-5, coordinates where two updates of ±7e-4 cancel, and
/// their planted values (×1e5) of 28 and 75 wrecked the model under FedAvg. The authors then keep, of their candidates,
/// those of lowest curvature (second derivative of the loss on the attacker's data); that needs the model and data at
/// the server's side of the attack and is not done here: the quietest coordinates are taken directly, ties broken by
/// position.
/// </summary>
internal static class IndicatorDesign
{
    /// <summary>
    /// The <paramref name="count"/> coordinates (full-vector positions) of the layer at <paramref name="offset"/> with the
    /// smallest max_j |models[j] − global| + |benign|.
    /// </summary>
    public static int[] Choose(IReadOnlyList<float[]> models, ReadOnlySpan<float> global, ReadOnlySpan<float> benignDelta, int offset, int length, int count)
    {
        ArgumentNullException.ThrowIfNull(models);
        if (count > length)
        {
            throw new InvalidOperationException($"3dfed needs {count} indicator coordinates but its indicator layer has {length}.");
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

        return analog.OrderBy(a => a.Value).ThenBy(a => a.Position).Take(count).Select(a => a.Position).ToArray();
    }

    /// <summary>
    /// The value a model carries at its indicator: its update there times 1e5, as the authors plant it; a zero update
    /// gets 1e-2 (their MNIST value) instead, so the feedback stays a defined ratio.
    /// </summary>
    public static float Plant(float update) => update == 0 ? 1e-2f : update * 1e5f;
}
