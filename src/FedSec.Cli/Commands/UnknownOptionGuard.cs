using Spectre.Console.Cli;

namespace FedSec.Cli.Commands;

/// <summary>
/// Rejects options a command does not have. The parser runs in its relaxed mode, which leaves unknown options aside as
/// "remaining arguments" (its strict mode has a fallback that, with no default command, can take the word
/// <c>__default_command</c> as the value of an option given none); this guard makes them an error before the command runs.
/// </summary>
internal sealed class UnknownOptionGuard : ICommandInterceptor
{
    /// <inheritdoc/>
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        string command = ErrorMessage.CommandOf(context.Arguments) ?? context.Name;
        var options = context.Remaining.Parsed.Select(g => g.Key).ToArray();
        if (options.Length > 0)
        {
            throw new UsageException($"'fedsec {command}' has no option {string.Join(", ", options)}; see 'fedsec {command} --help'.");
        }

        if (context.Remaining.Raw.Count > 0)
        {
            throw new UsageException($"'fedsec {command}' takes nothing after '--', not {string.Join(" ", context.Remaining.Raw)}; see 'fedsec {command} --help'.");
        }
    }

    /// <inheritdoc/>
    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }
}
