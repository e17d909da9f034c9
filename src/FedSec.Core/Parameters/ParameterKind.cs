namespace FedSec.Parameters;

/// <summary>Whether a slice of the flat vector is learned by gradient descent or is a buffer (e.g. BatchNorm statistics).</summary>
public enum ParameterKind
{
    /// <summary>A trainable parameter (weights, biases).</summary>
    Trainable,

    /// <summary>A non-trainable buffer (running mean, running variance, batch counters).</summary>
    Buffer,
}
