using PureHDF;

namespace FedSec.Data.StackOverflow;

/// <summary>
/// Reads TensorFlow Federated's StackOverflow (<c>stackoverflow_train.h5</c>, <c>stackoverflow_test.h5</c>: one group per
/// user under <c>examples</c>, each with string datasets <c>tokens</c>, <c>title</c> and <c>tags</c>) as FedML's
/// <c>data/stackoverflow_lr</c> turns it into tag prediction: the input of a post is
/// <c>tokens + " " + title</c> split at single spaces, each token counted at its word's index (a token outside the
/// 10 000 words counts as out-of-vocabulary) and divided by the number of tokens: the mean of the one-hot vectors over
/// 10 001 symbols, without the out-of-vocabulary one; the target is the sum of the one-hot vectors of its tags
/// (<c>tags</c> split at '|'), without the out-of-vocabulary tag. Users are taken in name order (h5py's
/// <c>keys()</c>). The HDF5 container is read with PureHDF.
/// </summary>
public static class StackOverflowLrReader
{
    /// <summary>The training file.</summary>
    public const string TrainFileName = "stackoverflow_train.h5";

    /// <summary>The test file.</summary>
    public const string TestFileName = "stackoverflow_test.h5";

    private const string Examples = "examples";
    private static readonly string[] Fields = ["tokens", "title", "tags"];

    /// <summary>The users in the file, in name order (ordinal).</summary>
    /// <exception cref="DataFormatException">Not an HDF5 file, or no <c>examples</c> group.</exception>
    public static IReadOnlyList<string> UserNames(string path) => Guarded(path, () =>
    {
        using var stream = File.OpenRead(path);
        using var file = H5File.Open(stream, leaveOpen: true);
        return (IReadOnlyList<string>)Users(file, path).Order(StringComparer.Ordinal).ToArray();
    });

    /// <summary>Reads the named users (all, in name order, when null), in the order given.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="DataFormatException">Not an HDF5 file, a user without the three string datasets, or datasets of different lengths.</exception>
    public static ImagesByClient Read(string path, StackOverflowDictionaries dictionaries, IReadOnlyList<string>? users = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(dictionaries);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"StackOverflow file '{path}' not found.", path);
        }

        return Guarded(path, () =>
        {
            using var stream = File.OpenRead(path);
            using var file = H5File.Open(stream, leaveOpen: true);
            var names = users ?? Users(file, path).Order(StringComparer.Ordinal).ToArray();
            var examples = file.Group(Examples);
            long fileBytes = stream.Length;
            var posts = names.Select(n => Posts(examples, n, path, fileBytes)).ToArray();
            int total = posts.Sum(p => p.Tokens.Length);
            int words = dictionaries.Words.Count, tags = dictionaries.Tags.Count;
            var inputs = new float[(long)total * words];
            var targets = new float[(long)total * tags];
            var labels = new int[total];
            int n = 0;
            foreach (var user in posts)
            {
                for (int i = 0; i < user.Tokens.Length; i++, n++)
                {
                    BagOfWords(user.Tokens[i] + " " + user.Titles[i], dictionaries, inputs.AsSpan(n * words, words));
                    labels[n] = TagVector(user.Tags[i], dictionaries, targets.AsSpan(n * tags, tags));
                }
            }

            var set = new ImageSet(inputs, labels, 1, 1, words, tags).WithTargets(targets);
            return new ImagesByClient(set, NaturalClients.Consecutive(names, posts.Select(p => p.Tokens.Length).ToArray()));
        });
    }

    /// <summary>
    /// FedML's <c>preprocess_input</c>: count each token of <paramref name="text"/> (split at single spaces, empty tokens
    /// included) at its word's index, and divide by the number of tokens.
    /// </summary>
    public static void BagOfWords(string text, StackOverflowDictionaries dictionaries, Span<float> target)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(dictionaries);
        var tokens = text.Split(' ');
        var counts = new int[target.Length];
        foreach (string token in tokens)
        {
            if (dictionaries.WordIndex.TryGetValue(token, out int i))
            {
                counts[i]++;
            }
        }

        // np.mean(onehot, axis=0, dtype=np.float32): the count summed in float32 (exact), divided by the token count in float32.
        float n = tokens.Length;
        for (int i = 0; i < target.Length; i++)
        {
            target[i] = counts[i] / n;
        }
    }

    /// <summary>
    /// FedML's <c>preprocess_target</c>: each of the '|'-separated tags adds 1 at its index (tags outside the dictionary
    /// add nothing); returns the first tag found in the dictionary, or 0, as the sample's nominal label.
    /// </summary>
    public static int TagVector(string tags, StackOverflowDictionaries dictionaries, Span<float> target)
    {
        ArgumentNullException.ThrowIfNull(tags);
        ArgumentNullException.ThrowIfNull(dictionaries);
        int first = -1;
        target.Clear();
        foreach (string tag in tags.Split('|'))
        {
            if (dictionaries.TagIndex.TryGetValue(tag, out int i))
            {
                target[i] += 1f;
                first = first < 0 ? i : first;
            }
        }

        return Math.Max(first, 0);
    }

    private static IEnumerable<string> Users(IH5Group file, string path)
    {
        if (!file.LinkExists(Examples))
        {
            throw new DataFormatException(path, $"it has no '{Examples}' group; TFF's federated h5 files keep one group per user under '{Examples}'.");
        }

        return file.Group(Examples).Children().Select(c => c.Name);
    }

    private static (string[] Tokens, string[] Titles, string[] Tags) Posts(IH5Group examples, string name, string path, long fileBytes)
    {
        if (!examples.LinkExists(name) || examples.Get(name) is not IH5Group user)
        {
            throw new DataFormatException(path, $"it has no user group '{Examples}/{name}'.");
        }

        var values = new string[Fields.Length][];
        for (int f = 0; f < Fields.Length; f++)
        {
            if (!user.LinkExists(Fields[f]))
            {
                throw new DataFormatException(path, $"user '{name}' has no '{Fields[f]}' dataset.");
            }

            var dataset = user.Dataset(Fields[f]);
            if (dataset.Type.Class is not (H5DataTypeClass.String or H5DataTypeClass.VariableLength))
            {
                throw new DataFormatException(path, $"user '{name}' has '{Fields[f]}' of type {dataset.Type.Class}; TFF's StackOverflow holds strings there.");
            }

            Hdf5DeclaredSize.Check(dataset, fileBytes, path, $"user '{name}' has '{Fields[f]}'");
            values[f] = dataset.Read<string[]>();
        }

        if (values[1].Length != values[0].Length || values[2].Length != values[0].Length)
        {
            throw new DataFormatException(path, $"user '{name}' has {values[0].Length} tokens, {values[1].Length} titles and {values[2].Length} tags; each post needs one of each.");
        }

        return (values[0], values[1], values[2]);
    }

    /// <summary>
    /// Runs a read, turning PureHDF's errors (plain exceptions) into one naming the file. An allocation PureHDF could not
    /// make is reported too: the declared sizes of datasets are checked before they are read
    /// (<see cref="Hdf5DeclaredSize"/>), but a variable-length string's declared length in its global heap is read
    /// inside PureHDF, which allocates it before reading; a failed allocation changed nothing, so the read can end with
    /// an error that names the file instead of taking the process down.
    /// </summary>
    private static T Guarded<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (OutOfMemoryException e)
        {
            long bytes = new FileInfo(path).Length;
            throw new DataFormatException(path, $"reading it needed more memory than this process has ({e.Message}): an object in it declares a size far beyond the file's {bytes} bytes, so the file is corrupt (or, if it is a genuine TFF file, the machine lacks the memory to read it).", e);
        }
        catch (Exception e) when (e is not DataFormatException and not FileNotFoundException and not OutOfMemoryException)
        {
            throw new DataFormatException(path, $"it cannot be read as TFF's federated StackOverflow HDF5 file (truncated or not HDF5?): {e.Message}", e);
        }
    }
}
