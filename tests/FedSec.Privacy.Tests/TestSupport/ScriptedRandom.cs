namespace FedSec.Privacy.Tests.TestSupport;

/// <summary>A <see cref="Random"/> whose NextDouble returns the given values in turn (then 0.5).</summary>
internal sealed class ScriptedRandom(params double[] values) : Random
{
    private int _next;

    public override double NextDouble() => _next < values.Length ? values[_next++] : 0.5;

    protected override double Sample() => NextDouble();
}
