namespace FedSec.Testing;

/// <summary>Paths in the source tree, found from the test assembly's directory.</summary>
public static class RepositoryPaths
{
    /// <summary>The directory holding FedSec.slnx.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FedSec.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No FedSec.slnx above the test's directory.");
    }
}
