using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Setup;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.TextBackdoor;

public sealed class TextBackdoorExampleTests
{
    [Fact]
    public void Bind_Example_CreatesTheAttackWithItsPhrasesAndFitsText()
    {
        var config = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "lm", "text-backdoor.yaml"));
        var setup = ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), [], []);

        Assert.Empty(setup.Warnings);
        var attack = Assert.IsAssignableFrom<ITextBackdoorAttack>(setup.Attack!.Instance);
        Assert.Equal((" taxes in America are", " terrible", 16, 100), (attack.TriggerPhrase, attack.TargetContinuation, attack.PromptLength, attack.TestPrompts));
        Assert.Empty(DataKindCheck.Check(setup, DataKind.TokenSequences));
    }
}
