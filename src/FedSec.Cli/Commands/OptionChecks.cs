using System.Globalization;
using System.Numerics;
using Spectre.Console;

namespace FedSec.Cli.Commands;

/// <summary>
/// Checks of option values for the settings classes' <c>Validate</c>. Numbers are bound as text and checked here, so
/// that a bad one is reported naming its option and what it allows (the parser would only say it failed to convert).
/// </summary>
internal static class OptionChecks
{
    /// <summary>
    /// Null when <paramref name="text"/> is absent or a whole number (of at least <paramref name="min"/> when given);
    /// else the problem, naming <paramref name="option"/> and what it allows.
    /// </summary>
    public static string? WholeNumber<T>(string option, string? text, T? min = null)
        where T : struct, IBinaryInteger<T>
    {
        if (text is null)
        {
            return null;
        }

        if (T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (min is null || value >= min.Value))
        {
            return null;
        }

        return min is { } m ? $"{option} expects a whole number of at least {m}, not '{text}'." : $"{option} expects a whole number, not '{text}'.";
    }

    /// <summary>The value of a whole-number option checked by <see cref="WholeNumber{T}"/>, or null when absent.</summary>
    public static T? Parse<T>(string? text)
        where T : struct, IBinaryInteger<T> =>
        text is null ? null : T.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture);

    /// <summary>
    /// Null when <paramref name="text"/> is absent (and not <paramref name="required"/>) or a finite number that
    /// <paramref name="allowed"/> accepts; else the problem, naming <paramref name="option"/> and saying what it allows
    /// (<paramref name="allowedText"/>, e.g. "a number > 0").
    /// </summary>
    public static string? RealNumber(string option, string? text, Func<double, bool> allowed, string allowedText, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (text is null)
        {
            return required ? $"{option} is required: {allowedText}." : null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value) && allowed(value)
            ? null
            : $"{option} expects {allowedText}, not '{text}'.";
    }

    /// <summary>The value of a real-number option checked by <see cref="RealNumber"/>, or null when absent.</summary>
    public static double? ParseReal(string? text) =>
        text is null ? null : double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    /// <summary>Success when every problem is null; else an error listing them.</summary>
    public static ValidationResult Result(params string?[] problems)
    {
        var found = problems.Where(p => p is not null).ToArray();
        return found.Length == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join(" ", found));
    }
}
