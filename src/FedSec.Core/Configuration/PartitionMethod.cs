namespace FedSec.Configuration;

/// <summary>How the training set is split among clients (<c>data_args.partition_method</c>).</summary>
public enum PartitionMethod
{
    /// <summary>IID: a seeded shuffle cut into equal parts (FedML's <c>homo</c>).</summary>
    Homo,

    /// <summary>Label skew from a Dirichlet(α) per class (FedML's <c>hetero</c>).</summary>
    Hetero,

    /// <summary>Each client gets <c>shards_per_client</c> shards of label-sorted data (McMahan et al.).</summary>
    Shards,

    /// <summary>A text corpus's natural groups (Brown's genres, SOTU's eras) dealt to the clients in consecutive runs.</summary>
    Natural,
}
