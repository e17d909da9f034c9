using System.Numerics.Tensors;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

/// <summary>
/// A server update stage like central DP's: clips every update's delta to norm 1 and gives it weight 1. It counts its
/// calls as cross-round state, so a test sees whether a simulation restored it.
/// </summary>
internal sealed class UnitNormClipStage : IServerUpdateStage, ICrossRoundState
{
    public int Calls { get; private set; }

    public IReadOnlyList<ClientUpdate> ProcessUpdates(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        Calls++;
        var global = context.Global;
        return updates.Select(u =>
        {
            var delta = new float[u.Weights.Length];
            TensorPrimitives.Subtract(u.Weights, global.Span, delta);
            float norm = TensorPrimitives.Norm(delta);
            if (norm > 1)
            {
                TensorPrimitives.Multiply(delta, 1 / norm, delta);
            }

            TensorPrimitives.Add(delta, global.Span, delta);
            return u.WithWeights(delta) with { AggregationWeight = 1 };
        }).ToArray();
    }

    public void WriteState(BinaryWriter writer) => writer.Write(Calls);

    public void ReadState(BinaryReader reader) => Calls = reader.ReadInt32();
}
