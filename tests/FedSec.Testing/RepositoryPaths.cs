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

    /// <summary>
    /// The example plugin assembly (examples/plugins/MyComponents) built in the same configuration as the running
    /// tests; the test projects that use it build it first.
    /// </summary>
    public static string ExamplePlugin()
    {
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        string path = Path.Combine(Root(), "examples", "plugins", "MyComponents", "bin", configuration, "net10.0", "MyComponents.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The example plugin is not built: {path}.", path);
    }
}
