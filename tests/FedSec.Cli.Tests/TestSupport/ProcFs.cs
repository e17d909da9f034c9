using System.Globalization;

namespace FedSec.Cli.Tests.TestSupport;

/// <summary>Processes as Linux's /proc shows them.</summary>
internal static class ProcFs
{
    /// <summary>Whether <paramref name="pid"/> is a live process (a zombie, ended but not yet reaped, is not).</summary>
    public static bool IsRunning(int pid) => Stat(pid) is { } stat && stat.State is not ('Z' or 'X');

    /// <summary>The live processes whose parent is <paramref name="pid"/>.</summary>
    public static List<int> ChildrenOf(int pid)
    {
        var children = new List<int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int child)
                && Stat(child) is { } stat && stat.ParentPid == pid && stat.State is not ('Z' or 'X'))
            {
                children.Add(child);
            }
        }

        return children;
    }

    private static (char State, int ParentPid)? Stat(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so read after the last ')'.
        string[] rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (rest[0][0], int.Parse(rest[1], CultureInfo.InvariantCulture));
    }
}
