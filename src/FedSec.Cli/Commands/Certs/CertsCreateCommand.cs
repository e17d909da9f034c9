using FedSec.Network.Security;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Certs;

/// <summary><c>fedsec certs create DIR</c>: a CA, a server certificate and node key pairs with certificates, and the allow-list.</summary>
internal sealed class CertsCreateCommand(IAnsiConsole console) : Command<CertsCreateSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Makes what a TLS distributed run needs: a CA, the server's certificate and key (for --host names), a key pair and "
        + "certificate per node, and allowed_nodes.txt listing the node keys the server admits.";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, CertsCreateSettings settings, CancellationToken cancellationToken)
    {
        var files = CertificateSet.Create(settings.Directory, settings.Hosts, settings.Nodes, TimeSpan.FromDays(settings.Days));
        foreach (string file in files)
        {
            console.WriteLine(file);
        }

        console.MarkupLine(
            $"Server: [bold]fedsec server CONFIG --certs {Markup.Escape(settings.Directory)}[/]. Copy ca.pem and one node-N.key to each node: "
            + $"[bold]fedsec client --server https://HOST:50051 --ca ca.pem --key node-N.key[/]. Keep ca.key and the .key files private.");
        return ExitCodes.Ok;
    }
}
