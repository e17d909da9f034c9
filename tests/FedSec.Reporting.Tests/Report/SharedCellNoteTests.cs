using FedSec.Reporting.Report;
using FedSec.Results.Database;

namespace FedSec.Reporting.Tests.Report;

public sealed class SharedCellNoteTests
{
    private const string Control = "attack_args:\n  enable_attack: true\n  attack_type: iba\n  trigger_only: true\ntrain_args:\n  comm_round: 20\n";
    private const string Attack = "attack_args:\n  enable_attack: true\n  attack_type: iba\ntrain_args:\n  comm_round: 20\n";

    private static StoredRun Run(string key, string attack, string seed, string config) => new(
        key,
        $"attack={attack} defense=none seed={seed}",
        new Dictionary<string, string> { ["attack"] = attack, ["defense"] = "none", ["seed"] = seed },
        0, config, string.Empty, "fashion_mnist", "lenet5", 20, 0.9, 0.9, 0.3, new Dictionary<string, double>(), 1, 1, string.Empty);

    [Fact]
    public void Warning_TwoConfigsInOneCell_NamesTheCellTheRunsAndTheDifferingKey()
    {
        string? warning = SharedCellNote.Warning([Run("bbbb", "iba", "0", Control), Run("aaaa", "iba", "0", Attack), Run("cccc", "iba", "1", Attack)]);

        Assert.NotNull(warning);
        Assert.StartsWith("1 cell(s) hold more than one run", warning, StringComparison.Ordinal);
        Assert.Contains("attack=iba defense=none seed=0: runs aaaa, bbbb, differing in attack_args.trigger_only (unset / true)", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("seed=1", warning, StringComparison.Ordinal);
        Assert.Contains("--prune", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Warning_OneRunPerCell_OrOneRunStandingInTwoCells_Null()
    {
        var run = Run("aaaa", "none", "0", Attack);
        var standIn = run with { Label = "attack=none defense=none seed=0 malicious=2", Axes = new Dictionary<string, string>(run.Axes) { ["malicious"] = "2" } };

        Assert.Null(SharedCellNote.Warning([run, standIn, Run("bbbb", "iba", "0", Attack), Run("cccc", "iba", "1", Attack)]));
        Assert.Null(SharedCellNote.Warning([run, standIn]));
    }

    [Fact]
    public void Warning_SameConfigText_OtherLayout_OrAnUnreadableOne_SaysSo()
    {
        string? same = SharedCellNote.Warning([Run("aaaa", "iba", "0", Attack), Run("bbbb", "iba", "0", Attack)]);
        string? unreadable = SharedCellNote.Warning([Run("aaaa", "iba", "0", Attack), Run("bbbb", "iba", "0", "{ not: [yaml")]);
        string? layout = SharedCellNote.Warning([Run("aaaa", "iba", "0", Attack), Run("bbbb", "iba", "0", "train_args: {comm_round: 20}\nattack_args: {attack_type: iba, enable_attack: true}\n")]);

        Assert.Contains("runs aaaa, bbbb, with the same configuration text", same, StringComparison.Ordinal);
        Assert.Contains("runs aaaa, bbbb, whose configurations differ only in layout", layout, StringComparison.Ordinal);
        Assert.Contains("runs aaaa, bbbb, with different configuration texts, not all readable as a configuration", unreadable, StringComparison.Ordinal);
    }

    [Fact]
    public void Warning_ManyCells_NamesThreeAndCountsTheRest()
    {
        var runs = Enumerable.Range(0, 5).SelectMany(s => new[] { Run($"a{s}", "iba", $"{s}", Attack), Run($"b{s}", "iba", $"{s}", Control) }).ToArray();

        string? note = SharedCellNote.Warning(runs);

        Assert.StartsWith("5 cell(s)", note, StringComparison.Ordinal);
        Assert.Contains("; and 2 more.", note, StringComparison.Ordinal);
    }
}
