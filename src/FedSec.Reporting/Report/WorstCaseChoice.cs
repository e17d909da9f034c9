namespace FedSec.Reporting.Report;

/// <summary>One defense in one facet: every setting tried, and the chosen one (the highest worst case).</summary>
/// <param name="Defense">The defense: a grid variant's name, without its tuned values.</param>
/// <param name="Candidates">Its settings, in report order.</param>
/// <param name="Chosen">The eligible setting with the highest worst case (the first in report order on a tie); null when
/// no setting is eligible.</param>
/// <param name="Tied">The other eligible settings whose worst case equals the chosen one's.</param>
internal sealed record WorstCaseChoice(string Defense, IReadOnlyList<WorstCaseCandidate> Candidates, WorstCaseCandidate? Chosen, IReadOnlyList<WorstCaseCandidate> Tied);
