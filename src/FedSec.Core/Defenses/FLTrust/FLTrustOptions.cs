using FedSec.Configuration;
using FedSec.Configuration.Parameters;
using FedSec.Stages;

namespace FedSec.Defenses.FLTrust;

/// <summary>Options of FLTrust (<c>defense_type: fltrust</c>).</summary>
public sealed class FLTrustOptions
{
    /// <summary>
    /// <c>root_set_size</c>: how many clean samples the server holds out as its root data set. The engine reads this key
    /// to draw the set and to provide <see cref="Stages.RoundContext.ServerTrainer"/>.
    /// </summary>
    public static readonly IntParameter RootSetSizeKey = new(
        "root_set_size",
        100,
        "The number of clean training samples the server holds out as its root data set and trains on each round (the paper uses 100).",
        min: 1);

    /// <summary>
    /// <c>server_training</c>: how long the server trains on its root set each round. The paper's server updates its
    /// model with the clients' own procedure and number of local iterations; with a 100-sample root set, one epoch is
    /// a few steps against a client's dozens, and since FLTrust rescales every update to the server's norm, the model
    /// would then move that much slower.
    /// </summary>
    public static readonly ChoiceParameter<ServerTrainingLength> ServerTrainingKey = new(
        "server_training",
        ServerTrainingLength.ClientSteps,
        "How long the server trains on its root set each round: client_steps (as many optimizer steps as a client of the round takes on average, the paper's rule) or epochs (the clients' number of epochs over the root set: far fewer steps when it is small).",
        ("client_steps", ServerTrainingLength.ClientSteps),
        ("epochs", ServerTrainingLength.Epochs));

    /// <summary>The keys FLTrust reads.</summary>
    public static readonly IParameter[] Keys = { RootSetSizeKey, ServerTrainingKey };

    /// <summary>The size of the server's root data set.</summary>
    /// <value>The default value is 100, the paper's default.</value>
    public int RootSetSize { get; init; } = RootSetSizeKey.Default;

    /// <summary>How long the server trains on its root set each round.</summary>
    /// <value>The default value is <see cref="ServerTrainingLength.ClientSteps"/>, the paper's rule.</value>
    public ServerTrainingLength ServerTraining { get; init; } = ServerTrainingKey.Default;

    /// <summary>Reads the options; problems go to <paramref name="args"/>.</summary>
    public static FLTrustOptions Read(ComponentArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return new FLTrustOptions { RootSetSize = args.Get(RootSetSizeKey), ServerTraining = args.Get(ServerTrainingKey) };
    }
}
