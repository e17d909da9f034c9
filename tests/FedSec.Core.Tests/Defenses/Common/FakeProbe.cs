using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Defenses.Common;

/// <summary>
/// A tiny two-layer model the defenses' tests can probe by hand: features f = tanh(E·x) (E: hidden × inputs, the entry
/// <c>enc.weight</c>), logits W·f + b (<c>fc.weight</c> classes × hidden, <c>fc.bias</c>), outputs softmax(logits). Inputs
/// are 1 × 1 × <see cref="Inputs"/> "images".
/// </summary>
internal sealed class FakeProbe : IModelProbe
{
    public FakeProbe(int inputs, int hidden, int classes, bool hasFeatures = true)
    {
        Inputs = inputs;
        Hidden = hidden;
        ClassCount = classes;
        HasFeatures = hasFeatures;
        Layout = new ParameterLayout(new[]
        {
            ("enc.weight", (IReadOnlyList<long>)new long[] { hidden, inputs }, ParameterKind.Trainable),
            ("fc.weight", (IReadOnlyList<long>)new long[] { classes, hidden }, ParameterKind.Trainable),
            ("fc.bias", (IReadOnlyList<long>)new long[] { classes }, ParameterKind.Trainable),
        });
    }

    public int Inputs { get; }

    public int Hidden { get; }

    public ParameterLayout Layout { get; }

    public int Channels => 1;

    public int Height => 1;

    public int Width => Inputs;

    public int ClassCount { get; }

    public bool HasFeatures { get; }

    /// <summary>How many models were probed.</summary>
    public int Calls { get; private set; }

    public ProbeOutputs Probe(ReadOnlySpan<float> weights, ReadOnlySpan<float> pixels, int count, bool features)
    {
        Calls++;
        var w = weights.ToArray();
        var px = pixels.ToArray();
        int e = Layout["enc.weight"].Offset, fw = Layout["fc.weight"].Offset, fb = Layout["fc.bias"].Offset;
        var probabilities = new float[count][];
        var plrs = new float[count][];
        for (int n = 0; n < count; n++)
        {
            var f = new float[Hidden];
            for (int h = 0; h < Hidden; h++)
            {
                double s = 0;
                for (int i = 0; i < Inputs; i++)
                {
                    s += w[e + (h * Inputs) + i] * px[(n * Inputs) + i];
                }

                f[h] = (float)Math.Tanh(s);
            }

            var logits = new double[ClassCount];
            for (int c = 0; c < ClassCount; c++)
            {
                double s = w[fb + c];
                for (int h = 0; h < Hidden; h++)
                {
                    s += w[fw + (c * Hidden) + h] * f[h];
                }

                logits[c] = s;
            }

            double max = logits.Max();
            var exp = logits.Select(l => Math.Exp(l - max)).ToArray();
            double total = exp.Sum();
            probabilities[n] = exp.Select(v => (float)(v / total)).ToArray();
            plrs[n] = f;
        }

        return new ProbeOutputs(probabilities, features ? plrs : null);
    }
}
