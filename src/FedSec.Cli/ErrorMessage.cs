using Spectre.Console.Cli;

namespace FedSec.Cli;

/// <summary>The one-line message <c>fedsec</c> prints for an error it expects (<see cref="ExitCodes.For"/>).</summary>
internal static class ErrorMessage
{
    /// <summary>
    /// The message of <paramref name="error"/>. The command-line parser's and the settings' own messages name the option
    /// or value; they get a pointer to the help of the command that was typed, which lists what is allowed.
    /// </summary>
    public static string For(Exception error, IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(args);
        if (error is not (CommandParseException or CommandRuntimeException))
        {
            return error.Message;
        }

        string? command = CommandOf(args);
        if (command is null && args.Count > 0 && !args[0].StartsWith('-'))
        {
            return $"'{args[0]}' is not a fedsec command; the commands are {Enumerate(FedSecApp.CommandNames)} (see 'fedsec --help').";
        }

        return $"{error.Message.TrimEnd('.')}; see 'fedsec {(command is null ? string.Empty : command + " ")}--help'.";
    }

    /// <summary>The command typed (<c>run</c>, <c>data fetch</c>, ...), or null when the first word is not one.</summary>
    public static string? CommandOf(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !FedSecApp.CommandNames.Contains(args[0]))
        {
            return null;
        }

        return args[0] switch
        {
            "data" when args.Count > 1 && args[1] == "fetch" => "data fetch",
            "certs" when args.Count > 1 && args[1] == "create" => "certs create",
            "privacy" when args.Count > 1 && args[1] is "epsilon" or "noise" => $"privacy {args[1]}",
            "lm" when args.Count > 1 && args[1] is "loss" or "pretrain" => $"lm {args[1]}",
            _ => args[0],
        };
    }

    private static string Enumerate(IReadOnlyList<string> names) => $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
}
