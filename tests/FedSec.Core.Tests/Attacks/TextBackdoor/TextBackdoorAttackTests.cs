using FedSec.Attacks.TextBackdoor;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Setup;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.TextBackdoor;

public sealed class TextBackdoorAttackTests
{
    private const string Text = "data_args:\n  dataset: sotu\n  partition_method: natural\nmodel_args:\n  model: gpt_neox\n";

    private static ExperimentSetup Bind(string yaml) =>
        ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), BuiltInComponents.CreateRegistry(), [], []);

    [Fact]
    public void Read_AllKeys_Parsed()
    {
        var args = Fixtures.Args(
            new ExperimentShape(10, 10, 5),
            "attack_args",
            ("trigger_phrase", " roads in Athens are"),
            ("target_continuation", " terrible"),
            ("poison_fraction", "0.5"),
            ("prompt_length", "4"),
            ("test_prompts", "20"),
            ("byzantine_client_num", "2"));

        var o = TextBackdoorOptions.Read(args);

        Assert.Empty(args.Problems);
        Assert.Equal((" roads in Athens are", " terrible", 0.5, 4, 20, 2), (o.Trigger, o.Target, o.PoisonFraction, o.PromptLength, o.TestPrompts, o.ClientNum));
    }

    [Fact]
    public void Bind_WithoutPhrases_NamesBothRequiredKeys()
    {
        var e = Assert.Throws<ConfigException>(() => Bind(Text + "attack_args:\n  enable_attack: true\n  attack_type: text_backdoor\n"));

        Assert.Contains("attack_args.trigger_phrase", e.Message, StringComparison.Ordinal);
        Assert.Contains("attack_args.target_continuation", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_EmptyTarget_NamesTheKey()
    {
        var e = Assert.Throws<ConfigException>(() => Bind(Text + "attack_args:\n  enable_attack: true\n  attack_type: text_backdoor\n  trigger_phrase: x\n  target_continuation: \" \"\n"));

        Assert.Contains("attack_args.target_continuation", e.Message, StringComparison.Ordinal);
        Assert.Contains("is empty", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_OnText_NoProblem_OnImages_NamesAttackType()
    {
        const string attack = "attack_args:\n  enable_attack: true\n  attack_type: text_backdoor\n  trigger_phrase: x\n  target_continuation: y\n";

        Assert.Empty(DataKindCheck.Check(Bind(Text + attack), DataKind.TokenSequences));
        var problem = Assert.Single(DataKindCheck.Check(Bind(attack), DataKind.Images));
        Assert.Equal("attack_args.attack_type", problem.Key);
        Assert.StartsWith("text_backdoor writes a trigger phrase into token sequences; image data sets (mnist)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PoisonSequences_BeforeTokens_Throws_AfterTokens_PoisonsPerRoundAndClient()
    {
        var attack = new TextBackdoorAttack(new TextBackdoorOptions { Trigger = "t", Target = "c", PromptLength = 1, PoisonFraction = 0.5 });
        Assert.Throws<InvalidOperationException>(() => attack.PoisonSequences(TextBackdoorPoisonerTests.Numbered(4), AttackFixtures.Client(1)));

        attack.UseTokens([900], [901, 902]);
        var data = attack.PoisonSequences(TextBackdoorPoisonerTests.Numbered(4), AttackFixtures.Client(1));

        var expected = TextBackdoorPoisonerTests.Numbered(4);
        TextBackdoorPoisoner.Poison(expected, [900], [901, 902], 1, 0.5, AttackFixtures.Client(1).Random("text-backdoor"));
        Assert.Equal(expected.Tokens, data.Tokens);
        Assert.Equal(2, Enumerable.Range(0, 4).Count(i => data.Sequence(i)[1] == 900));
        Assert.Equal(1, Assert.IsType<IControlsClients>(attack, exactMatch: false).MaliciousClients.Count);
    }
}
