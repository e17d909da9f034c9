using FedSec.Configuration.Parameters;

namespace FedSec.Attacks.Backdoor;

/// <summary>A key naming a trigger position: a corner or "x,y".</summary>
public sealed class TriggerPositionParameter : Parameter<TriggerPosition>
{
    /// <summary>Declares the key.</summary>
    public TriggerPositionParameter(string key, TriggerPosition @default, string description)
        : base(key, @default, description)
    {
    }

    /// <inheritdoc />
    public override string TypeText => TriggerPosition.Forms;

    /// <inheritdoc />
    public override string DefaultText => Default.ToString();

    /// <inheritdoc />
    public override bool TryParse(object raw, out TriggerPosition value, out string error) => TriggerPosition.TryParse(raw, out value, out error);
}
