namespace FedSec.Setup;

/// <summary>A plugin assembly could not be loaded or registered; the message names the file and what to do.</summary>
public sealed class PluginLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PluginLoadException(string path, string message, Exception? inner = null)
        : base(message, inner)
    {
        Path = path;
    }

    /// <summary>The plugin file.</summary>
    public string Path { get; }
}
