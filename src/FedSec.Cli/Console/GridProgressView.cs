using System.Globalization;
using FedSec.Results.Grid;
using Spectre.Console;

namespace FedSec.Cli.Console;

/// <summary>
/// Shows a grid's progress: on a terminal, an overall bar over every round of the pending runs (with elapsed and
/// remaining time) and one bar per running run; otherwise one line per finished run with the time estimate.
/// </summary>
internal sealed class GridProgressView : IGridObserver
{
    private readonly IAnsiConsole _console;
    private readonly ProgressContext? _context;
    private readonly ProgressTask? _overall;
    private readonly List<(ProgressTask Task, GridRunPlan? Plan)> _slots = new();
    private readonly IReadOnlyDictionary<string, int> _roundsOf;
    private readonly Dictionary<string, int> _roundsDone = new(StringComparer.Ordinal);
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly int _totalRuns;
    private readonly double _totalRounds;
    private int _ended;
    private double _doneRounds;

    public GridProgressView(IAnsiConsole console, ProgressContext? context, IReadOnlyDictionary<string, int> roundsOf, int totalRuns)
    {
        _console = console;
        _context = context;
        _roundsOf = roundsOf;
        _totalRuns = totalRuns;
        _totalRounds = Math.Max(1, roundsOf.Values.Sum());
        _overall = context?.AddTask(Overall(), maxValue: _totalRounds);
    }

    public List<GridRunOutcome> Failures { get; } = new();

    /// <summary>How many runs were adopted: completed by a run of an earlier bench that did not store them.</summary>
    public int Adopted { get; private set; }

    public void RunStarted(GridRunPlan plan)
    {
        if (_context is null)
        {
            return;
        }

        int free = _slots.FindIndex(s => s.Plan is null);
        var task = free >= 0 ? _slots[free].Task : _context.AddTask(string.Empty);
        task.Description = Markup.Escape(plan.Label);
        task.MaxValue = Math.Max(1, _roundsOf.GetValueOrDefault(plan.RunKey, 1));
        task.Value = 0;
        if (free >= 0)
        {
            _slots[free] = (task, plan);
        }
        else
        {
            _slots.Add((task, plan));
        }
    }

    public void RunProgressed(GridRunPlan plan, int roundsDone)
    {
        int before = _roundsDone.GetValueOrDefault(plan.RunKey);
        _roundsDone[plan.RunKey] = roundsDone;
        Advance(roundsDone - before);
        if (_slots.FirstOrDefault(s => s.Plan?.RunKey == plan.RunKey).Task is { } task)
        {
            task.Value = roundsDone;
        }
    }

    public void RunEnded(GridRunOutcome outcome) => End(outcome, adopted: false);

    public void RunAdopted(GridRunOutcome outcome) => End(outcome, adopted: true);

    public void RunWaiting(GridRunPlan plan, int? holderPid) =>
        Line($"{plan.Label}: waiting for {(holderPid is { } pid ? $"process {pid}" : "another process")} to release its run directory (a run of an earlier bench, ending now).");

    private void End(GridRunOutcome outcome, bool adopted)
    {
        _ended++;
        if (adopted && outcome.Succeeded)
        {
            Adopted++;
        }

        string key = outcome.Plan.RunKey;
        Advance(_roundsOf.GetValueOrDefault(key) - _roundsDone.GetValueOrDefault(key));
        _roundsDone[key] = _roundsOf.GetValueOrDefault(key);
        if (!outcome.Succeeded)
        {
            Failures.Add(outcome);
        }

        int slot = _slots.FindIndex(s => s.Plan?.RunKey == key);
        if (slot >= 0)
        {
            _slots[slot].Task.Description = "[grey](idle)[/]";
            _slots[slot] = (_slots[slot].Task, null);
        }

        if (_overall is not null)
        {
            _overall.Description = Overall();
            return;
        }

        string state = !outcome.Succeeded ? $"FAILED ({outcome.Error})"
            : outcome.Diverged is { } d ? $"diverged in round {d.Round + 1} (stored: {d.Reason})"
            : adopted ? "done (completed by a run of an earlier bench, stored now)"
            : "done";
        double elapsed = _clock.Elapsed.TotalSeconds;
        double left = _doneRounds > 0 ? elapsed / _doneRounds * (_totalRounds - _doneRounds) : double.NaN;
        Line(string.Create(CultureInfo.InvariantCulture, $"[{_ended}/{_totalRuns}] {outcome.Plan.Label}: {state}, {outcome.Seconds:F0} s; elapsed {Clock(elapsed)}, about {Clock(left)} left"));
    }

    /// <summary>A line of the log: above the live bars on a terminal, else written as it is (a log line is not wrapped).</summary>
    private void Line(string text)
    {
        if (_context is not null)
        {
            _console.MarkupLine(Markup.Escape(text));
        }
        else
        {
            _console.Profile.Out.Writer.WriteLine(text);
        }
    }

    private void Advance(double rounds)
    {
        _doneRounds += rounds;
        _overall?.Increment(rounds);
    }

    private string Overall() => $"[bold]grid[/]: {_ended}/{_totalRuns} runs";

    private static string Clock(double seconds) => double.IsFinite(seconds) ? TimeSpan.FromSeconds(Math.Round(seconds)).ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : "?";
}
