using FedSec.Stages;

namespace FedSec.Simulation;

/// <summary>How the server trains on its own data set for a defense (<see cref="RoundContext.ServerTrainer"/>).</summary>
public static class ServerTrainingSettings
{
    /// <summary>
    /// The server's training settings: the clients' own for <see cref="ServerTrainingLength.Epochs"/>; for
    /// <see cref="ServerTrainingLength.ClientSteps"/>, the clients' with a step limit of <see cref="ClientSteps"/> and
    /// enough epochs over the <paramref name="serverSamples"/> samples to reach it.
    /// </summary>
    /// <param name="length">How long to train.</param>
    /// <param name="clients">How the clients train.</param>
    /// <param name="clientSamples">The training-set size of each client of the round (clients without data are left out).</param>
    /// <param name="serverSamples">The size of the server's data set.</param>
    public static LocalTrainingSettings For(ServerTrainingLength length, LocalTrainingSettings clients, IEnumerable<int> clientSamples, int serverSamples)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentOutOfRangeException.ThrowIfLessThan(serverSamples, 1);
        if (length == ServerTrainingLength.Epochs)
        {
            return clients;
        }

        int steps = ClientSteps(clients, clientSamples);
        int perEpoch = BatchesPerEpoch(serverSamples, clients.BatchSize);
        return clients with { Epochs = (steps + perEpoch - 1) / perEpoch, MaxSteps = steps };
    }

    /// <summary>
    /// The optimizer steps a client of the round takes on average: epochs × ⌈samples / batch size⌉ each (at most the
    /// clients' step limit), averaged over the clients that have data, rounded to the nearest step, at least 1.
    /// </summary>
    public static int ClientSteps(LocalTrainingSettings clients, IEnumerable<int> clientSamples)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(clientSamples);
        var steps = clientSamples.Where(n => n > 0).Select(n =>
        {
            long s = (long)clients.Epochs * BatchesPerEpoch(n, clients.BatchSize);
            return clients.MaxSteps > 0 ? Math.Min(s, clients.MaxSteps) : s;
        }).ToArray();
        return steps.Length == 0 ? 1 : (int)Math.Max(1, Math.Round(steps.Average(), MidpointRounding.AwayFromZero));
    }

    private static int BatchesPerEpoch(int samples, int batchSize) => (samples + batchSize - 1) / batchSize;
}
