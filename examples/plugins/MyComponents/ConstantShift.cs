using FedSec.Parameters;
using FedSec.Stages;

namespace MyComponents;

/// <summary>
/// A model-poisoning attack: each malicious client sends its honest model with <see cref="ConstantShiftOptions.Shift"/>
/// added to every trainable weight. Blatant on purpose: a defense that measures distances should remove it.
/// </summary>
public sealed class ConstantShift : IModelPoisoningAttack, IControlsClients
{
    private readonly ConstantShiftOptions _options;

    /// <summary>Creates the attack.</summary>
    public ConstantShift(ConstantShiftOptions options) => _options = options;

    /// <inheritdoc />
    public MaliciousClientSpec MaliciousClients => new(_options.ClientNum);

    /// <inheritdoc />
    public IReadOnlyList<ClientUpdate> AttackModel(IReadOnlyList<ClientUpdate> updates, RoundContext context)
    {
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(context);
        return updates.Select(u => context.MaliciousClients.Contains(u.ClientId) ? Shifted(u, context.Layout) : u).ToArray();
    }

    private ClientUpdate Shifted(ClientUpdate update, ParameterLayout layout)
    {
        var weights = update.Weights.ToArray();
        foreach (var entry in layout.Entries.Where(e => e.Kind == ParameterKind.Trainable))
        {
            for (int i = entry.Offset; i < entry.Offset + entry.Length; i++)
            {
                weights[i] += (float)_options.Shift;
            }
        }

        return update with { Weights = weights };
    }
}
