using FedSec.Setup;

namespace FedSec.Core.Tests.Components;

public sealed class ComponentDefaultsTests
{
    [Fact]
    public void EveryBuiltInComponent_EmptySection_ReadsItsDeclaredDefaultsAndEachDefaultIsValid()
    {
        var mismatches = ComponentDefaults.Mismatches(BuiltInComponents.CreateRegistry());

        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public void EngineParameters_EveryDefault_PassesItsOwnValidation()
    {
        var invalid = FedSec.Configuration.EngineParameters.All.Where(p => !p.Parameter.DefaultIsValid(out _)).Select(p => p.QualifiedKey);

        Assert.Empty(invalid);
    }
}
