namespace FedSec.Data;

/// <summary>
/// Where data sets live: the directory given explicitly (<c>--data-dir</c> or <c>data_args.data_cache_dir</c>),
/// else <c>$FEDSEC_DATA</c>, else a per-user cache directory (<c>$XDG_CACHE_HOME/fedsec</c>, <c>~/.cache/fedsec</c>,
/// or <c>%LOCALAPPDATA%\fedsec</c> on Windows).
/// </summary>
public static class DataDirectory
{
    /// <summary>The environment variable that overrides the default data directory.</summary>
    public const string EnvironmentVariable = "FEDSEC_DATA";

    /// <summary>
    /// The absolute data directory to use. <paramref name="explicitDir"/> wins when it is not blank; a leading
    /// <c>~</c> means the home directory. The directory is not created.
    /// </summary>
    /// <exception cref="InvalidOperationException">No explicit directory, no <c>FEDSEC_DATA</c> and no home directory to cache in.</exception>
    public static string Resolve(string? explicitDir) =>
        Resolve(explicitDir, Environment.GetEnvironmentVariable, OperatingSystem.IsWindows());

    /// <summary>As <see cref="Resolve(string?)"/>, reading the environment through <paramref name="getEnv"/>.</summary>
    internal static string Resolve(string? explicitDir, Func<string, string?> getEnv, bool windows)
    {
        if (!string.IsNullOrWhiteSpace(explicitDir))
        {
            return Absolute(explicitDir, getEnv);
        }

        string? fromEnv = getEnv(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            return Absolute(fromEnv, getEnv);
        }

        if (windows)
        {
            string local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            if (!string.IsNullOrEmpty(local))
            {
                return Path.Combine(local, "fedsec");
            }
        }
        else
        {
            // The XDG base-directory spec says a relative XDG_CACHE_HOME is invalid and must be ignored.
            string? xdg = getEnv("XDG_CACHE_HOME");
            if (!string.IsNullOrWhiteSpace(xdg) && Path.IsPathRooted(xdg))
            {
                return Path.GetFullPath(Path.Combine(xdg, "fedsec"));
            }

            string? home = Home(getEnv);
            if (!string.IsNullOrEmpty(home))
            {
                return Path.GetFullPath(Path.Combine(home, ".cache", "fedsec"));
            }
        }

        throw new InvalidOperationException(
            $"No data directory: none was given (--data-dir or data_args.data_cache_dir), {EnvironmentVariable} is not set, "
            + "and there is no home directory to put a cache in. Set one of the first two.");
    }

    private static string Absolute(string path, Func<string, string?> getEnv)
    {
        string trimmed = path.Trim();
        if (trimmed == "~" || trimmed.StartsWith("~/", StringComparison.Ordinal) || trimmed.StartsWith("~\\", StringComparison.Ordinal))
        {
            string? home = Home(getEnv);
            if (!string.IsNullOrEmpty(home))
            {
                trimmed = trimmed.Length <= 2 ? home : Path.Combine(home, trimmed[2..]);
            }
        }

        return Path.GetFullPath(trimmed);
    }

    private static string? Home(Func<string, string?> getEnv)
    {
        string? home = getEnv("HOME");
        return string.IsNullOrWhiteSpace(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home;
    }
}
