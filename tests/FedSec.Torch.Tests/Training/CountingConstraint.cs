using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Torch.Tests.Training;

/// <summary>A constraint that changes nothing and records each call and the global model it was given.</summary>
internal sealed class CountingConstraint : ILocalModelConstraint
{
    public CountingConstraint(int stepInterval) => StepInterval = stepInterval;

    public int StepInterval { get; }

    public int Calls => Globals.Count;

    public List<float[]> Globals { get; } = new();

    public void Apply(Span<float> weights, ReadOnlySpan<float> global, ParameterLayout layout) => Globals.Add(global.ToArray());
}
