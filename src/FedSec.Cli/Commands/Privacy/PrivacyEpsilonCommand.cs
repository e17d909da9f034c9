using System.Globalization;
using FedSec.Privacy.Accounting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Privacy;

/// <summary><c>fedsec privacy epsilon</c>: ε of T steps of the sampled Gaussian mechanism at (z, q), for δ.</summary>
internal sealed class PrivacyEpsilonCommand(IAnsiConsole console) : Command<PrivacyEpsilonSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Prints 'epsilon E': the (ε, δ) guarantee of T steps of the sampled Gaussian mechanism (RDP, Mironov et al. 2019; conversion of Balle et al. 2020, as Opacus).";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, PrivacyEpsilonSettings settings, CancellationToken cancellationToken)
    {
        var spent = RdpAccountant.EpsilonAfter(settings.NoiseMultiplier, settings.SampleRate, settings.Steps, settings.Delta, settings.Orders);
        console.WriteLine($"epsilon {spent.Epsilon.ToString("R", CultureInfo.InvariantCulture)}");
        return ExitCodes.Ok;
    }
}
