using System.ComponentModel;
using FedSec.Privacy.Accounting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Privacy;

/// <summary>The command line of <c>fedsec privacy noise</c>.</summary>
internal sealed class PrivacyNoiseSettings : AccountingSettings
{
    /// <summary><c>--epsilon</c> as typed.</summary>
    [CommandOption("--epsilon <E>")]
    [Description("The budget's ε after all the steps; a number > 0")]
    public string? EpsilonText { get; init; }

    /// <summary><c>--tolerance</c> as typed.</summary>
    [CommandOption("--tolerance <T>")]
    [Description("How far below the budget the answer's ε may be (Opacus's epsilon_tolerance); default 0.01")]
    public string? ToleranceText { get; init; }

    /// <summary>The target ε.</summary>
    public double Epsilon => OptionChecks.ParseReal(EpsilonText)!.Value;

    /// <summary>The search's tolerance in ε.</summary>
    public double Tolerance => OptionChecks.ParseReal(ToleranceText) ?? NoiseMultiplierSearch.DefaultTolerance;

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
    [
        OptionChecks.RealNumber("--epsilon", EpsilonText, e => e > 0, "an ε > 0", required: true),
        OptionChecks.RealNumber("--tolerance", ToleranceText, t => t > 0, "a tolerance > 0"),
        .. SharedProblems(),
    ]);
}
