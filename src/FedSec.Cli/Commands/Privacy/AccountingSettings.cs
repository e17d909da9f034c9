using System.ComponentModel;
using FedSec.Privacy.Accounting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Privacy;

/// <summary>The options <c>fedsec privacy epsilon</c> and <c>fedsec privacy noise</c> share: the sampling, the steps, δ and the orders.</summary>
internal abstract class AccountingSettings : CommandSettings
{
    /// <summary><c>--sample-rate</c> as typed.</summary>
    [CommandOption("--sample-rate <Q>")]
    [Description("q, the probability that a record (a client: clients per round / clients in total) is in a step; in (0, 1]")]
    public string? SampleRateText { get; init; }

    /// <summary><c>--steps</c> as typed.</summary>
    [CommandOption("--steps <T>")]
    [Description("T, the number of steps (rounds) composed; a whole number ≥ 1")]
    public string? StepsText { get; init; }

    /// <summary><c>--delta</c> as typed.</summary>
    [CommandOption("--delta <D>")]
    [Description("δ of the (ε, δ) guarantee; in (0, 1)")]
    public string? DeltaText { get; init; }

    /// <summary><c>--rdp-alpha</c> as typed.</summary>
    [CommandOption("--rdp-alpha <A>")]
    [Description("Evaluate this one RDP order α > 1 (FedML's rdp_alpha) instead of the usual 1.25 … 256")]
    public string? OrderText { get; init; }

    /// <summary>q.</summary>
    public double SampleRate => OptionChecks.ParseReal(SampleRateText)!.Value;

    /// <summary>T.</summary>
    public long Steps => OptionChecks.Parse<long>(StepsText)!.Value;

    /// <summary>δ.</summary>
    public double Delta => OptionChecks.ParseReal(DeltaText)!.Value;

    /// <summary>The orders to evaluate: the one given, or <see cref="RdpOrders.Default"/>.</summary>
    public IReadOnlyList<double> Orders => OptionChecks.ParseReal(OrderText) is { } a ? [a] : RdpOrders.Default;

    /// <summary>The problems of the shared options, for <see cref="Validate"/>.</summary>
    protected IEnumerable<string?> SharedProblems()
    {
        yield return OptionChecks.RealNumber("--sample-rate", SampleRateText, q => q > 0 && q <= 1, "a sample rate in (0, 1]", required: true);
        yield return StepsText is null ? "--steps is required: a whole number ≥ 1." : OptionChecks.WholeNumber<long>("--steps", StepsText, 1);
        yield return OptionChecks.RealNumber("--delta", DeltaText, d => d > 0 && d < 1, "a δ in (0, 1)", required: true);
        yield return OptionChecks.RealNumber("--rdp-alpha", OrderText, a => a > 1, "an RDP order > 1");
    }

    /// <inheritdoc/>
    public override ValidationResult Validate() => OptionChecks.Result(SharedProblems().ToArray());
}
