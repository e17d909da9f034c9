namespace FedSec.Simulation;

/// <summary>Hears a running experiment's progress (the CLI draws it); every method has an empty default.</summary>
public interface IExperimentObserver
{
    /// <summary>A round starts with these clients.</summary>
    void RoundStarted(int round, IReadOnlyList<int> clients)
    {
    }

    /// <summary>A client finished local training (<paramref name="done"/> of the round's clients).</summary>
    void ClientTrained(int round, int clientId, int done, int total)
    {
    }

    /// <summary>A round finished.</summary>
    void RoundFinished(RoundRecord record)
    {
    }
}
