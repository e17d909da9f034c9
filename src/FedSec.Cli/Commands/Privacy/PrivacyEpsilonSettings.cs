using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Privacy;

/// <summary>The command line of <c>fedsec privacy epsilon</c>.</summary>
internal sealed class PrivacyEpsilonSettings : AccountingSettings
{
    /// <summary><c>--noise-multiplier</c> as typed.</summary>
    [CommandOption("--noise-multiplier <Z>")]
    [Description("z, the noise's standard deviation over the L2 sensitivity (DP-FedAvg: σ = z·C/m); a number > 0")]
    public string? NoiseMultiplierText { get; init; }

    /// <summary>z.</summary>
    public double NoiseMultiplier => OptionChecks.ParseReal(NoiseMultiplierText)!.Value;

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(
        [OptionChecks.RealNumber("--noise-multiplier", NoiseMultiplierText, z => z > 0, "a noise multiplier > 0", required: true), .. SharedProblems()]);
}
