namespace FedSec.Attacks.Backdoor;

/// <summary>Where a trigger sits in the image.</summary>
public enum TriggerAnchor
{
    /// <summary>Flush with the top-left corner.</summary>
    TopLeft,

    /// <summary>Flush with the top-right corner.</summary>
    TopRight,

    /// <summary>Flush with the bottom-left corner.</summary>
    BottomLeft,

    /// <summary>Flush with the bottom-right corner.</summary>
    BottomRight,

    /// <summary>Its top-left corner at an explicit column x and row y.</summary>
    At,
}
