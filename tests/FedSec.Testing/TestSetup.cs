using FedSec.Configuration;
using FedSec.Setup;
using FedSec.Stages;

namespace FedSec.Testing;

/// <summary>Builds an <see cref="ExperimentSetup"/> from instances made by a test, named as the config names them.</summary>
public static class TestSetup
{
    /// <summary>
    /// The setup of <paramref name="config"/> with the given attack and defense chain; each is named by the config
    /// (<c>AttackType</c>, <c>DefenseTypes[i]</c>) or, when it names none, by its type.
    /// </summary>
    public static ExperimentSetup Of(ExperimentConfig config, object? attack, params object[] defenses)
    {
        var configured = attack is null ? null : new ConfiguredAttack(config.AttackType ?? attack.GetType().Name, (IAttack)attack, []);
        var chain = defenses
            .Select((d, i) => new ConfiguredDefense(i < config.DefenseTypes.Count ? config.DefenseTypes[i] : d.GetType().Name, (IDefense)d, []))
            .ToArray();
        return new ExperimentSetup(config, configured, chain, Array.Empty<string>());
    }
}
