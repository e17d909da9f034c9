using FedSec.Configuration;
using FedSec.Parameters;
using FedSec.Stages;

namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary>
/// <c>dp_solution_type: dp_clip</c>: DP-FedAvg with each client clipping its own update before sending it (FedML's
/// <c>DP_Clip</c> frame, Flower's client-side fixed clipping); the server only averages with equal weights and adds the
/// noise, so it composes with secure aggregation. A malicious client need not clip: the model-poisoning attack's updates
/// reach the server as crafted.
/// </summary>
internal sealed class ClientClippedDp : DpFedAvg, IClientUpdateStage
{
    public ClientClippedDp(DpOptions options, ExperimentShape shape)
        : base(options, shape)
    {
    }

    protected override bool ClipsOnServer => false;

    public float[] ProcessLocalModel(float[] local, ReadOnlySpan<float> global, ParameterLayout layout, ClientContext client) =>
        Clip(local, global, layout, client.Round, client.ClientId);
}
