using System.Globalization;
using FedSec.Simulation;
using Spectre.Console;

namespace FedSec.Cli.Console;

/// <summary>Shows a run's progress: a live bar of rounds and of the round's clients, or one line per round when the output is not a terminal.</summary>
internal sealed class ProgressObserver : IExperimentObserver
{
    private readonly IAnsiConsole _console;
    private readonly ProgressTask? _rounds;
    private readonly ProgressTask? _clients;
    private readonly int _totalRounds;
    private string _last = string.Empty;

    public ProgressObserver(IAnsiConsole console, ProgressContext? context, int totalRounds)
    {
        _console = console;
        _totalRounds = totalRounds;
        if (context is not null)
        {
            _rounds = context.AddTask("Rounds", maxValue: totalRounds);
            _clients = context.AddTask("Clients", maxValue: 1);
        }
    }

    public void RoundStarted(int round, IReadOnlyList<int> clients)
    {
        if (_clients is not null)
        {
            _clients.MaxValue = clients.Count;
            _clients.Value = 0;
            _clients.Description = $"Round {round + 1}: clients";
        }
    }

    public void ClientTrained(int round, int clientId, int done, int total)
    {
        if (_clients is not null)
        {
            _clients.Value = done;
            _clients.Description = $"Round {round + 1}: client {clientId} trained";
        }
    }

    public void RoundFinished(RoundRecord record)
    {
        string acc = record.Accuracy is { } a ? $"accuracy {a.ToString("P2", CultureInfo.InvariantCulture)}" : "not evaluated";
        _last = $"round {record.Round + 1}/{_totalRounds}: {acc}, {record.Seconds.ToString("F1", CultureInfo.InvariantCulture)} s{(record.Diverged is null ? string.Empty : ", diverged")}";
        if (_rounds is not null)
        {
            _rounds.Increment(1);
            _rounds.Description = $"Rounds ({Markup.Escape(_last)})";
        }
        else
        {
            _console.WriteLine(_last);
        }
    }
}
