namespace FedSec.Network.Security;

/// <summary>
/// The node public keys a server admits: a text file with one key per line, base64 SubjectPublicKeyInfo DER, optionally
/// followed by a name (<c>MFkwEw... node-0</c>); blank lines and lines starting with <c>#</c> are ignored.
/// <c>fedsec certs create</c> writes one for the nodes it makes.
/// </summary>
public sealed class AllowList
{
    private readonly Dictionary<string, string> _names;

    private AllowList(Dictionary<string, string> names) => _names = names;

    /// <summary>Number of keys.</summary>
    public int Count => _names.Count;

    /// <summary>Reads the file; throws <see cref="IOException"/> naming the file and line on any problem.</summary>
    public static AllowList Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
        {
            throw new IOException($"The allow-list {path} cannot be read ({e.Message}); 'fedsec certs create' writes one (allowed_nodes.txt).", e);
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            try
            {
                Convert.FromBase64String(parts[0]);
            }
            catch (FormatException)
            {
                throw new IOException($"{path}:{i + 1}: '{parts[0]}' is not a base64 public key; each line holds one key (base64 SubjectPublicKeyInfo) and an optional name.");
            }

            names[parts[0]] = parts.Length > 1 ? parts[1].Trim() : NodeKey.FingerprintOf(Convert.FromBase64String(parts[0]));
        }

        return new AllowList(names);
    }

    /// <summary>A line of the file for a key.</summary>
    public static string Line(byte[] publicKey, string name) => $"{Convert.ToBase64String(publicKey)} {name}";

    /// <summary>Whether the key is admitted; <paramref name="name"/> is its name in the list.</summary>
    public bool Admits(byte[] publicKey, out string name)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return _names.TryGetValue(Convert.ToBase64String(publicKey), out name!);
    }
}
