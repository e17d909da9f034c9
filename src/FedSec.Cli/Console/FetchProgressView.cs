using FedSec.Data;
using Spectre.Console;

namespace FedSec.Cli.Console;

/// <summary>Draws a download's progress: a bar per file on a terminal, a line per message otherwise.</summary>
internal static class FetchProgressView
{
    public static T Run<T>(Func<IProgress<FetchProgress>, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return work(new Progress(null));
        }

        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new DownloadedColumn())
            .Start(ctx => result = work(new Progress(ctx)));
        return result;
    }

    /// <summary>Synchronous progress sink (System.Progress would post to another thread).</summary>
    private sealed class Progress : IProgress<FetchProgress>
    {
        private readonly ProgressContext? _context;
        private readonly Dictionary<string, ProgressTask> _tasks = new();
        private readonly object _gate = new();

        public Progress(ProgressContext? context) => _context = context;

        public void Report(FetchProgress value)
        {
            lock (_gate)
            {
                if (value.Message is { } message)
                {
                    AnsiConsole.MarkupLine($"[grey]{Markup.Escape(value.Source)}: {Markup.Escape(value.File)}: {Markup.Escape(message)}[/]");
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
