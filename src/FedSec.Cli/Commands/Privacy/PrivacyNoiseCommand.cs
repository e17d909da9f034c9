using System.Globalization;
using FedSec.Privacy.Accounting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Privacy;

/// <summary><c>fedsec privacy noise</c>: the smallest noise multiplier whose ε over T steps at q meets (ε, δ).</summary>
internal sealed class PrivacyNoiseCommand(IAnsiConsole console) : Command<PrivacyNoiseSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Prints 'noise_multiplier Z': the smallest z (to within --tolerance in ε, as Opacus's get_noise_multiplier) whose ε over T steps at sample rate q is at most the budget; says so when no z can meet it.";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, PrivacyNoiseSettings settings, CancellationToken cancellationToken)
    {
        double z = NoiseMultiplierSearch.For(settings.Epsilon, settings.Delta, settings.SampleRate, settings.Steps, settings.Orders, settings.Tolerance);
        console.WriteLine($"noise_multiplier {z.ToString("R", CultureInfo.InvariantCulture)}");
        return ExitCodes.Ok;
    }
}
