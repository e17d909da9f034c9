using FedSec.Cli.Commands.Run;
using FedSec.Configuration;

namespace FedSec.Cli.Tests.Commands.Run;

public sealed class ExperimentDescriptionTests
{
    [Fact]
    public void Of_AttackAndDefenseChain_NamesThemInOrder()
    {
        var config = new ExperimentConfig { EnableAttack = true, AttackType = "byzantine", EnableDefense = true, DefenseTypes = ["nnm", "trimmed_mean"], CommRound = 3, RandomSeed = 7 };

        string text = ExperimentDescription.Of(config);

        Assert.Contains("3 rounds", text, StringComparison.Ordinal);
        Assert.Contains("; byzantine; nnm → trimmed_mean; seed 7", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_NeitherEnabled_SaysNoAttackAndNoDefense()
    {
        var config = new ExperimentConfig { EnableAttack = false, AttackType = "byzantine", EnableDefense = false, DefenseTypes = ["krum"] };

        Assert.Contains("; no attack; no defense;", ExperimentDescription.Of(config), StringComparison.Ordinal);
    }
}
