using FedSec.Cli.Tests.TestSupport;

namespace FedSec.Cli.Tests.Commands.Certs;

public class CertsCreateCommandTests
{
    [Fact]
    public void Run_TwoNodes_WritesCaServerNodeKeysAndAllowList()
    {
        using var dir = new TempDirectory();
        var (code, output) = CommandLine.Run("certs", "create", dir.File("certs"), "--host", "server.example", "--nodes", "2");
        Assert.True(code == ExitCodes.Ok, output);
        Assert.Equal(
            new[] { "allowed_nodes.txt", "ca.key", "ca.pem", "node-0.key", "node-0.pem", "node-1.key", "node-1.pem", "server.key", "server.pem" },
            Directory.GetFiles(dir.File("certs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(2, File.ReadAllLines(dir.File("certs/allowed_nodes.txt")).Count(l => l.EndsWith(" node-0", StringComparison.Ordinal) || l.EndsWith(" node-1", StringComparison.Ordinal)));
        using var server = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPemFile(dir.File("certs/server.pem"), dir.File("certs/server.key"));
        Assert.True(server.MatchesHostname("server.example"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(dir.File("certs/node-0.key")));
        }
    }

    [Fact]
    public void Run_DirectoryWithACa_RefusesToReplaceIt()
    {
        using var dir = new TempDirectory();
        Assert.Equal(ExitCodes.Ok, CommandLine.Run("certs", "create", dir.Path, "--nodes", "0").ExitCode);
        var (code, output) = CommandLine.Run("certs", "create", dir.Path);
        Assert.Equal(ExitCodes.Data, code);
        Assert.Contains("exists already; a new CA would make its certificates untrusted", output, StringComparison.Ordinal);
    }
}
