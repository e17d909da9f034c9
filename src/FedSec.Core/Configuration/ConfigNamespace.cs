namespace FedSec.Configuration;

/// <summary>
/// The keys of a FedML-style configuration. As in FedML, sections share one namespace: a component reads a key
/// from its own section first and from any other section otherwise, so a defense finds
/// <c>byzantine_client_num</c> even when the file writes it only under <c>attack_args</c>.
/// </summary>
public sealed class ConfigNamespace
{
    private readonly List<ConfigEntry> _entries = new();

    /// <summary>Every entry, in the order written (later entries override earlier ones of the same section and key).</summary>
    public IReadOnlyList<ConfigEntry> Entries => _entries;

    /// <summary>Sets a key, replacing an earlier value of the same section and key.</summary>
    public void Set(string section, string key, object? value, string source)
    {
        _entries.RemoveAll(e => e.Section == section && e.Key == key);
        _entries.Add(new ConfigEntry(section, key, value, source));
    }

    /// <summary>Removes a key from a section; returns whether it was there.</summary>
    public bool Remove(string section, string key) => _entries.RemoveAll(e => e.Section == section && e.Key == key) > 0;

    /// <summary>
    /// Finds a key: in <paramref name="preferredSection"/> first, then in any other section (the last written wins).
    /// </summary>
    public ConfigEntry? Find(string key, string? preferredSection = null)
    {
        ConfigEntry? any = null;
        foreach (var e in _entries)
        {
            if (e.Key != key)
            {
                continue;
            }

            if (e.Section == preferredSection)
            {
                return e;
            }

            any = e;
        }

        return any;
    }

    /// <summary>A copy that can be changed without touching this one.</summary>
    public ConfigNamespace Clone()
    {
        var c = new ConfigNamespace();
        c._entries.AddRange(_entries);
        return c;
    }
}
