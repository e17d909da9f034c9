using FedSec.Simulation;

namespace FedSec.Cli.Console;

/// <summary>Forwards a run's progress to several observers.</summary>
internal sealed class CompositeObserver : IExperimentObserver
{
    private readonly IExperimentObserver[] _observers;

    public CompositeObserver(params IExperimentObserver[] observers) => _observers = observers;

    public void RoundStarted(int round, IReadOnlyList<int> clients)
    {
        foreach (var o in _observers)
        {
            o.RoundStarted(round, clients);
        }
    }

    public void ClientTrained(int round, int clientId, int done, int total)
    {
        foreach (var o in _observers)
        {
            o.ClientTrained(round, clientId, done, total);
        }
    }

    public void RoundFinished(RoundRecord record)
    {
        foreach (var o in _observers)
        {
            o.RoundFinished(record);
        }
    }
}
