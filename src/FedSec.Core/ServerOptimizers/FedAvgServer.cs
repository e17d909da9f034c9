using FedSec.Parameters;

namespace FedSec.ServerOptimizers;

/// <summary>FedAvg (McMahan et al., AISTATS 2017): the aggregate is the next global model (server learning rate 1).</summary>
internal sealed class FedAvgServer : IServerOptimizer
{
    public float[] Step(ReadOnlySpan<float> global, float[] aggregate, ParameterLayout layout) => aggregate;
}
