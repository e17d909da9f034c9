using FedSec.Configuration;

namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary><c>dp_solution_type: cdp</c>: DP-FedAvg with the server clipping every update it receives, before the defenses.</summary>
internal sealed class ServerClippedDp : DpFedAvg
{
    public ServerClippedDp(DpOptions options, ExperimentShape shape)
        : base(options, shape)
    {
    }

    protected override bool ClipsOnServer => true;
}
