namespace FedSec.Stages;

/// <summary>How long the server trains on its own clean data set when a defense asks (<see cref="RoundContext.ServerTrainer"/>).</summary>
public enum ServerTrainingLength
{
    /// <summary>
    /// As many optimizer steps as a client of the round takes (the mean over the round's sampled clients of epochs ×
    /// batches per epoch, capped as the clients' are, rounded to the nearest step and at least 1), cycling through the
    /// root set in as many epochs as that needs. FLTrust's and AFLGuard's papers have the server update its model the
    /// way the clients do, with the same number of local iterations.
    /// </summary>
    ClientSteps,

    /// <summary>The clients' number of epochs over the server's data set: few steps when that set is small.</summary>
    Epochs,
}
