using FedSec.Data;
using Spectre.Console;

namespace FedSec.Cli.Console;

/// <summary>Draws a download's progress: a bar per file on a terminal, a line per message otherwise.</summary>
internal static class FetchProgressView
{
    /// <summary>Does <paramref name="work"/>, showing the progress it reports on <paramref name="console"/>.</summary>
    public static T Run<T>(IAnsiConsole console, Func<IProgress<FetchProgress>, T> work)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(work);
        if (!console.Profile.Capabilities.Interactive)
        {
            return work(new Progress(console, null));
        }

        T result = default!;
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
            .Start(ctx => result = work(new Progress(console, ctx)));
        return result;
    }

    /// <summary>Synchronous progress sink (System.Progress would post to another thread).</summary>
    private sealed class Progress : IProgress<FetchProgress>
    {
        private readonly IAnsiConsole _console;
        private readonly ProgressContext? _context;
        private readonly Dictionary<string, ProgressTask> _tasks = new();
        private readonly object _gate = new();

        public Progress(IAnsiConsole console, ProgressContext? context)
        {
            _console = console;
            _context = context;
        }

        public void Report(FetchProgress value)
        {
            lock (_gate)
            {
                if (value.Message is { } message)
                {
                    _console.MarkupLine($"[grey]{Markup.Escape(value.Source)}: {Markup.Escape(value.File)}: {Markup.Escape(message)}[/]");
                    return;
                }

                if (_context is null)
                {
                    return;
                }

                string key = value.Source + "/" + value.File;
                if (!_tasks.TryGetValue(key, out var task))
                {
                    task = _context.AddTask(Markup.Escape($"{value.File} ({value.Source})"), maxValue: Math.Max(1, value.BytesTotal ?? 1));
                    _tasks[key] = task;
                }

                if (value.BytesTotal is { } total)
                {
                    task.MaxValue = Math.Max(1, total);
                    task.Value = value.BytesDone;
                }
                else
                {
                    task.IsIndeterminate = true;
                }
            }
        }
    }
}
