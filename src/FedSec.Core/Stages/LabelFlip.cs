namespace FedSec.Stages;

/// <summary>One relabelling of a label-flipping attack: training samples of <paramref name="Source"/> become <paramref name="Target"/>.</summary>
/// <param name="Source">The true class that is relabelled.</param>
/// <param name="Target">The label it gets on the poisoned clients.</param>
public sealed record LabelFlip(int Source, int Target);
