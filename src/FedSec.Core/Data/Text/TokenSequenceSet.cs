namespace FedSec.Data.Text;

/// <summary>
/// Token sequences in memory, the text counterpart of <see cref="ImageSet"/>: <see cref="Count"/> windows of
/// <see cref="Length"/> token ids each, row after row, and the natural group (genre, era) of the document each came
/// from. The group plays the part an image's label plays for the partitioners (Dirichlet skew over genres, natural
/// split by group); it is not a prediction target: a causal language model predicts each next token. Client sets are
/// their own copies, so poisoning one never touches another or the test set.
/// </summary>
public sealed class TokenSequenceSet : IClientDataset
{
    /// <summary>Wraps token and group arrays; checks that their sizes agree and every id is in range.</summary>
    /// <exception cref="ArgumentException">The sizes disagree, or a token id or group index is out of range.</exception>
    public TokenSequenceSet(int[] tokens, int[] groups, int length, int vocabularySize, IReadOnlyList<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(groupNames);
        if (length < 2)
        {
            throw new ArgumentException($"A sequence length of {length} leaves no next token to predict; use at least 2.", nameof(length));
        }

        if (tokens.LongLength != (long)groups.Length * length)
        {
            throw new ArgumentException($"{tokens.LongLength} token ids do not make {groups.Length} sequences of {length}.", nameof(tokens));
        }

        for (int i = 0; i < tokens.Length; i++)
        {
            if ((uint)tokens[i] >= (uint)vocabularySize)
            {
                throw new ArgumentException($"Token id {tokens[i]} at position {i} is outside the vocabulary of {vocabularySize}.", nameof(tokens));
            }
        }

        foreach (int g in groups)
        {
            if ((uint)g >= (uint)groupNames.Count)
            {
                throw new ArgumentException($"Group index {g} is outside the {groupNames.Count} group names.", nameof(groups));
            }
        }

        Tokens = tokens;
        Groups = groups;
        Length = length;
        VocabularySize = vocabularySize;
        GroupNames = groupNames;
    }

    /// <summary>Token ids, sequence after sequence.</summary>
    public int[] Tokens { get; }

    /// <summary>The group index (into <see cref="GroupNames"/>) of each sequence.</summary>
    public int[] Groups { get; }

    /// <summary>Tokens per sequence.</summary>
    public int Length { get; }

    /// <summary>Size of the vocabulary the ids come from.</summary>
    public int VocabularySize { get; }

    /// <summary>The names of the groups, by index (shared by the sets split from one corpus).</summary>
    public IReadOnlyList<string> GroupNames { get; }

    /// <summary>Number of sequences.</summary>
    public int Count => Groups.Length;

    /// <inheritdoc />
    public DataKind Kind => DataKind.TokenSequences;

    /// <summary>Number of tokens in all.</summary>
    public long TokenCount => Tokens.LongLength;

    /// <summary>The tokens of sequence <paramref name="index"/>.</summary>
    public Span<int> Sequence(int index) => Tokens.AsSpan(index * Length, Length);

    /// <summary>A new set holding copies of the sequences at <paramref name="indices"/>, in that order.</summary>
    public TokenSequenceSet Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var tokens = new int[(long)indices.Count * Length];
        var groups = new int[indices.Count];
        for (int i = 0; i < indices.Count; i++)
        {
            Tokens.AsSpan(indices[i] * Length, Length).CopyTo(tokens.AsSpan(i * Length, Length));
            groups[i] = Groups[indices[i]];
        }

        return new TokenSequenceSet(tokens, groups, Length, VocabularySize, GroupNames);
    }

    /// <summary>A deep copy (tokens and groups).</summary>
    public TokenSequenceSet Clone() => new((int[])Tokens.Clone(), (int[])Groups.Clone(), Length, VocabularySize, GroupNames);

    /// <summary>
    /// Cuts each document's token ids into consecutive, non-overlapping windows of <paramref name="length"/>; a tail
    /// shorter than a window is dropped (documents are not joined, so no window spans two of them).
    /// </summary>
    /// <param name="documents">Each document's token ids and group index, in order.</param>
    /// <param name="length">Tokens per window.</param>
    /// <param name="vocabularySize">Size of the vocabulary the ids come from.</param>
    /// <param name="groupNames">The names of the groups, by index.</param>
    public static TokenSequenceSet FromDocuments(IEnumerable<(int[] Tokens, int Group)> documents, int length, int vocabularySize, IReadOnlyList<string> groupNames)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (length < 2)
        {
            throw new ArgumentException($"A sequence length of {length} leaves no next token to predict; use at least 2.", nameof(length));
        }

        var tokens = new List<int>();
        var groups = new List<int>();
        foreach (var (ids, group) in documents)
        {
            for (int start = 0; start + length <= ids.Length; start += length)
            {
                tokens.AddRange(ids.AsSpan(start, length));
                groups.Add(group);
            }
        }

        return new TokenSequenceSet(tokens.ToArray(), groups.ToArray(), length, vocabularySize, groupNames);
    }
}
