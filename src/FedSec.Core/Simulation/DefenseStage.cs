namespace FedSec.Simulation;

/// <summary>Where in the round a defense acted (FedMLSecurity's three defense injection points).</summary>
public enum DefenseStage
{
    /// <summary>Before aggregation: filtered, clipped or reweighted the updates (<c>before</c>).</summary>
    Before,

    /// <summary>On aggregation: replaced FedAvg's weighted mean (<c>on</c>).</summary>
    On,

    /// <summary>After aggregation: changed the new global model (<c>after</c>).</summary>
    After,
}
