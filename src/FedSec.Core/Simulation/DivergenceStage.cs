using System.Text.Json.Serialization;

namespace FedSec.Simulation;

/// <summary>Where honest computation turned the model non-finite (see <see cref="Divergence"/>).</summary>
public enum DivergenceStage
{
    /// <summary>A client's local training, or the server's own training on its root set (<c>local training</c>).</summary>
    [JsonStringEnumMemberName("local training")]
    LocalTraining,

    /// <summary>From the aggregation of finite updates to the new global model: server optimizer, after-aggregation defenses (<c>aggregation</c>).</summary>
    [JsonStringEnumMemberName("aggregation")]
    Aggregation,
}
