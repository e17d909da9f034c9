using FedSec.Data.Text;

namespace FedSec.Language.Text;

/// <summary>
/// A corpus as training and test token sequences: whole documents held out for testing (<see cref="HeldOutDocuments"/>),
/// each document tokenized and cut into windows (<see cref="TokenSequenceSet.FromDocuments"/>). Groups are numbered in
/// order of first appearance (Brown's genres a … r, SOTU's presidents or decades in time order).
/// </summary>
public static class CorpusTokens
{
    /// <summary>Training and test sequences of <paramref name="documents"/>.</summary>
    /// <param name="documents">The corpus, in its order.</param>
    /// <param name="tokenizer">The model's tokenizer.</param>
    /// <param name="length">Tokens per sequence.</param>
    /// <param name="testFraction">Share of each group's documents held out, in (0, 1).</param>
    /// <param name="random">Draws the held-out documents.</param>
    public static (TokenSequenceSet Train, TokenSequenceSet Test) Split(
        IReadOnlyList<TextDocument> documents, LanguageTokenizer tokenizer, int length, double testFraction, Random random)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(tokenizer);
        var groupNames = documents.Select(d => d.Group).Distinct(StringComparer.Ordinal).ToArray();
        var groupIndex = groupNames.Select((g, i) => (g, i)).ToDictionary(x => x.g, x => x.i, StringComparer.Ordinal);
        var test = HeldOutDocuments.TestIndices(documents, testFraction, random).ToHashSet();
        var encoded = documents.Select(d => (Tokens: tokenizer.Encode(d.Text), Group: groupIndex[d.Group])).ToArray();
        var trainDocs = encoded.Where((_, i) => !test.Contains(i));
        var testDocs = encoded.Where((_, i) => test.Contains(i));
        return (
            TokenSequenceSet.FromDocuments(trainDocs, length, tokenizer.VocabularySize, groupNames),
            TokenSequenceSet.FromDocuments(testDocs, length, tokenizer.VocabularySize, groupNames));
    }
}
