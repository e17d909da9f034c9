namespace FedSec.Parameters;

/// <summary>One named tensor of a model's state, and where it lives in the flat vector.</summary>
/// <param name="Name">The tensor's name in the model's state, e.g. <c>conv1.weight</c>.</param>
/// <param name="Shape">The tensor's shape.</param>
/// <param name="Offset">Index of its first element in the flat vector.</param>
/// <param name="Kind">Trainable parameter or buffer.</param>
public sealed record ParameterEntry(string Name, IReadOnlyList<long> Shape, int Offset, ParameterKind Kind)
{
    /// <summary>Number of elements of the tensor.</summary>
    public int Length
    {
        get
        {
            long n = 1;
            foreach (var d in Shape)
            {
                n *= d;
            }

            return checked((int)n);
        }
    }
}
