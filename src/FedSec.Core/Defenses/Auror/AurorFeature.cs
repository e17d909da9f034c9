namespace FedSec.Defenses.Auror;

/// <summary>Which coordinates of the updates Auror examines for indicative features.</summary>
public enum AurorFeature
{
    /// <summary>The output layer: the last trainable tensor of two or more dimensions and the tensor after it (its bias), if trainable.</summary>
    OutputLayer,

    /// <summary>Every trainable coordinate (O(n log n) per coordinate).</summary>
    All,
}
