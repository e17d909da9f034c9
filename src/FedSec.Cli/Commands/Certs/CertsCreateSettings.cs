using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Certs;

/// <summary>The command line of <c>fedsec certs create</c>.</summary>
internal sealed class CertsCreateSettings : CommandSettings
{
    /// <summary>Where the files go.</summary>
    [CommandArgument(0, "<DIR>")]
    [Description("Directory for ca.pem, ca.key, server.pem, server.key, node-N.pem, node-N.key and allowed_nodes.txt")]
    public string Directory { get; init; } = string.Empty;

    /// <summary><c>--host NAME</c> (repeatable).</summary>
    [CommandOption("--host <NAME>")]
    [Description("A DNS name or IP address the nodes dial the server by (repeatable; localhost, 127.0.0.1 and ::1 are always in)")]
    public string[] Hosts { get; init; } = [];

    /// <summary><c>--nodes N</c> as typed.</summary>
    [CommandOption("--nodes <N>")]
    [Description("How many node key pairs and certificates to make (default 2)")]
    public string? NodesText { get; init; }

    /// <summary><c>--days N</c> as typed.</summary>
    [CommandOption("--days <N>")]
    [Description("How long the certificates are valid, in days (default 365)")]
    public string? DaysText { get; init; }

    /// <summary>Node count.</summary>
    public int Nodes => OptionChecks.Parse<int>(NodesText) ?? 2;

    /// <summary>Validity in days.</summary>
    public int Days => OptionChecks.Parse<int>(DaysText) ?? 365;

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        string.IsNullOrWhiteSpace(Directory) ? "DIR is required: where the certificates and keys go." : null,
        OptionChecks.WholeNumber<int>("--nodes", NodesText, 0),
        OptionChecks.WholeNumber<int>("--days", DaysText, 1));
}
