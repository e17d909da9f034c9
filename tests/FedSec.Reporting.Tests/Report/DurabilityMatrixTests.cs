using FedSec.Reporting.Report;
using FedSec.Results.Database;
using static FedSec.Reporting.Tests.Report.DurabilityRuns;

namespace FedSec.Reporting.Tests.Report;

public sealed class DurabilityMatrixTests
{
    [Fact]
    public void For_TwoDefensesTwoAttacks_DefenseRowsAttackColumnsStopArrowEndMeanStdAndADashForAMissingCell()
    {
        var runs = new[]
        {
            Run("a0", "backdoor", "none", 0), Run("a1", "backdoor", "none", 1),
            Run("b0", "neurotoxin", "none", 0),
            Run("c0", "backdoor", "flame", 0),
            Run("d0", "none", "none", 0),
        };
        var rounds = Rounds("a0", 1, 0.5, 1.0, 0.4, 0.2)      // 100 % at the stop, 20 % two rounds later
            .Concat(Rounds("a1", 1, 0.5, 0.8, 0.6, 0.3))       // 80 %, 30 %
            .Concat(Rounds("b0", 1, 0.5, 0.9, 0.9, 0.75))      // 90 %, 75 %
            .Concat(Rounds("c0", 1, 0.1, 0.05, 0.04, 0.02))    // 5 %, 2 %
            .Concat(Rounds("d0", -1, null, null, null, null))  // no attack: not in the table
            .ToArray();
        var results = new StoredResults(runs, rounds, [], [], []);

        var (facet, measured) = Measure(runs, results);
        var table = DurabilityMatrix.For(facet, measured, "m")!;

        Assert.Equal(["defense", "backdoor", "neurotoxin"], table.Header);
        Assert.Equal(["none", "90.0 ± 14.1 → 25.0 ± 7.1", "90.0 → 75.0"], table.Rows[0].Select(c => c.Text));
        Assert.Equal(["flame", "5.0 → 2.0", "–"], table.Rows[1].Select(c => c.Text));
        Assert.Contains("→ 2 rounds later", table.Note, StringComparison.Ordinal);
        Assert.Contains("over 1/2 seed(s)", table.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void For_NoRunStopsAttackingBeforeItsEnd_NoTable()
    {
        var runs = new[] { Run("a0", "backdoor", "none", 0) };
        var results = new StoredResults(runs, Rounds("a0", 5, 0.5, 0.9), [], [], []);

        var (facet, measured) = Measure(runs, results);
        Assert.Null(DurabilityMatrix.For(facet, measured, "m"));
    }
}
