using System.Text.Json;

namespace FedSec.Testing;

/// <summary>
/// Writes tiny files in LEAF's Shakespeare JSON layout (<c>{"users", "num_samples", "user_data": {user: {"x", "y"}}}</c>)
/// with System.Text.Json, independently of the reader under test.
/// </summary>
public static class ShakespeareWriter
{
    /// <summary>FedML's 86 characters, written out here again rather than taken from the reader.</summary>
    public const string Characters = "dhlptx@DHLPTX $(,048cgkoswCGKOSW[_#'/37;?bfjnrvzBFJNRVZ\"&*.26:\naeimquyAEIMQUY]!%)-159\r";

    /// <summary>One user's samples: inputs (80 characters each, normally) and the characters that follow them.</summary>
    public sealed record User(string Name, string[] X, string[] Y);

    /// <summary>Writes <paramref name="users"/> as one LEAF JSON file.</summary>
    public static void Write(string path, params User[] users)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var document = new Dictionary<string, object>
        {
            ["users"] = users.Select(u => u.Name).ToArray(),
            ["num_samples"] = users.Select(u => u.X.Length).ToArray(),
            ["user_data"] = users.ToDictionary(u => u.Name, u => new Dictionary<string, string[]> { ["x"] = u.X, ["y"] = u.Y }),
        };
        File.WriteAllText(path, JsonSerializer.Serialize(document));
    }

    /// <summary>An 80-character input: the vocabulary from position <paramref name="offset"/> on, cycled.</summary>
    public static string Sequence(int offset) => new(Enumerable.Range(0, 80).Select(i => Characters[(offset + i) % Characters.Length]).ToArray());

    /// <summary>
    /// <c>train/</c> and <c>test/</c> under <paramref name="directory"/>, each one file of <paramref name="userCount"/>
    /// users (u00 ...), with <paramref name="perUser"/> train and 1 test samples each.
    /// </summary>
    public static void WriteSplit(string directory, int userCount, int perUser = 3)
    {
        var train = Enumerable.Range(0, userCount).Select(u => new User(
            $"u{u:D2}",
            Enumerable.Range(0, perUser).Select(i => Sequence((u * 7) + i)).ToArray(),
            Enumerable.Range(0, perUser).Select(i => Characters[((u * 7) + i + 80) % Characters.Length].ToString()).ToArray())).ToArray();
        var test = Enumerable.Range(0, userCount).Select(u => new User($"u{u:D2}", [Sequence(u)], [Characters[(u + 80) % Characters.Length].ToString()])).ToArray();
        Write(Path.Combine(directory, "train", "all_data_niid_2_keep_0_train_8.json"), train);
        Write(Path.Combine(directory, "test", "all_data_niid_2_keep_0_test_8.json"), test);
    }
}
