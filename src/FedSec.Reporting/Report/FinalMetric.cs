namespace FedSec.Reporting.Report;

/// <summary>
/// A round metric the report tables by its last value (defense × attack, mean ± std over seeds): the attack success
/// rate of backdoors, the ε spent by differential privacy.
/// </summary>
/// <param name="Name">The metric's name in <c>rounds.jsonl</c> and the results database.</param>
/// <param name="Id">The table's id suffix in the HTML report.</param>
/// <param name="Caption">The table's caption, before the facet's label.</param>
/// <param name="Description">The sentence under the caption.</param>
/// <param name="Scale">What a value is multiplied by for display (100 for a share shown in %).</param>
/// <param name="Decimals">Decimals shown.</param>
internal sealed record FinalMetric(string Name, string Id, string Caption, string Description, double Scale, int Decimals)
{
    /// <summary>The share of triggered test inputs classified as the attacker's target, in %.</summary>
    public static FinalMetric AttackSuccessRate { get; } = new(
        ResultIndex.AttackSuccessRate,
        "asr",
        "Final attack success rate (%)",
        "The last round's attack success rate (share of triggered test inputs classified as the attacker's target); mean ± std over seeds.",
        100,
        2);

    /// <summary>The privacy budget spent by the end of the run, as the RDP accountant reports it (dp_args).</summary>
    public static FinalMetric Epsilon { get; } = new(
        ResultIndex.Epsilon,
        "epsilon",
        "Privacy spent: final ε",
        "The ε (at the configured δ) the accountant reports after the last round (dp_args); mean ± std over seeds. With a defense that filters or reweights, fedsec run warns that it is no guarantee.",
        1,
        3);

    /// <summary>The metrics the report tables, in the order it shows them.</summary>
    public static IReadOnlyList<FinalMetric> All { get; } = [AttackSuccessRate, Epsilon];
}
