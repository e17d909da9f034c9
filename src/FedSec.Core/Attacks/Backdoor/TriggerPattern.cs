namespace FedSec.Attacks.Backdoor;

/// <summary>The shape of a BadNets trigger within its size × size square.</summary>
public enum TriggerPattern
{
    /// <summary>Every pixel of the square set (a white patch).</summary>
    Square,

    /// <summary>Pixels with even row + column set (a checkerboard).</summary>
    Checkerboard,
}
