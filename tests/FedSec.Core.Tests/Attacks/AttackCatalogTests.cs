using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Components;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks;

public class AttackCatalogTests
{
    public static TheoryData<string, bool, bool> Stages => new()
    {
        { "byzantine", true, false },
        { "sign_flip", true, false },
        { "gaussian", true, false },
        { "alie", true, false },
        { "ipm", true, false },
        { "min_max", true, false },
        { "min_sum", true, false },
        { "fang_krum", true, false },
        { "fang_trim", true, false },
        { "mimic", true, false },
        { "lazy_worker", true, false },
        { "label_flipping", false, true },
        { "backdoor", false, true },
        { "dba", false, true },
        { "model_replacement", true, true },
        { "edge_case", false, true },
        { "optimal_alie", true, false },
        { "optimal_ipm", true, false },
        { "neurotoxin", false, true },
        { "text_backdoor", false, false },
        { "alter_min", false, false },
        { "3dfed", true, false },
        { "chameleon", false, true },
    };

    [Theory]
    [MemberData(nameof(Stages))]
    public void RegisterAll_EveryAttack_CreatedFromDefaultsWithItsStages(string name, bool modelPoisoning, bool dataPoisoning)
    {
        var registry = BuiltInComponents.CreateRegistry();
        Assert.True(registry.TryGet(ComponentKind.Attack, name, out var descriptor));
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("original_class_list", "3"), ("target_class_list", "9"), ("trigger_phrase", "x"), ("target_continuation", "y"));
        var attack = descriptor.Create(args);
        Assert.Empty(args.Problems);
        Assert.Equal(modelPoisoning, attack is IModelPoisoningAttack);
        Assert.Equal(dataPoisoning, attack is IDataPoisoningAttack);
        Assert.IsAssignableFrom<IControlsClients>(attack);
        Assert.Equal(descriptor.Parameters.Count, descriptor.Parameters.Select(p => p.Key).Distinct().Count());
    }

    [Fact]
    public void RegisterAll_BackdoorsAndLabelFlipping_ExposeMetricInterfaces()
    {
        var registry = BuiltInComponents.CreateRegistry();
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("original_class_list", "3"), ("target_class_list", "9"));
        foreach (var name in new[] { "backdoor", "dba", "model_replacement", "edge_case", "neurotoxin", "alter_min", "3dfed", "chameleon" })
        {
            Assert.True(registry.TryGet(ComponentKind.Attack, name, out var d));
            Assert.IsAssignableFrom<IBackdoorAttack>(d.Create(args));
        }

        Assert.True(registry.TryGet(ComponentKind.Attack, "label_flipping", out var lf));
        Assert.IsAssignableFrom<ILabelFlippingAttack>(lf.Create(args));
    }

    [Fact]
    public void RegisterAll_AttackNames_ExactlyTheCatalog()
    {
        var names = BuiltInComponents.CreateRegistry().OfKind(ComponentKind.Attack).Select(d => d.Name);
        Assert.Equal(Stages.Select(row => (string)row[0]).Order(StringComparer.Ordinal), names);
    }
}
