namespace FedSec.Stages;

/// <summary>
/// A defense that needs a small clean data set at the server (FLTrust's root set). The engine holds that many
/// training samples out of the clients' partition and provides <see cref="RoundContext.ServerTrainer"/>.
/// </summary>
public interface INeedsServerData
{
    /// <summary>Number of training samples to hold out for the server.</summary>
    int RootSetSize { get; }
}
