using FedSec.Configuration.Parameters;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>Options of secure aggregation (<c>secure_aggregation_args</c>), with Flower's SecAgg+ names where it has one.</summary>
public sealed record SecAggOptions
{
    /// <summary><c>enable_secure_aggregation</c>.</summary>
    public static readonly BoolParameter EnableKey = new("enable_secure_aggregation", false, "Turns secure aggregation on: the server only sums masked vectors.");

    /// <summary><c>num_shares</c>.</summary>
    public static readonly OptionalParameter<int> NumSharesKey = new(
        new IntParameter("num_shares", 3, "Shares of each client's secrets: the client and its neighbours (SecAgg+, Bell et al. 2020); odd, or client_num_per_round for SecAgg's full graph.", min: 2),
        "client_num_per_round (every pair: SecAgg)");

    /// <summary><c>reconstruction_threshold</c>.</summary>
    public static readonly OptionalParameter<int> ThresholdKey = new(
        new IntParameter("reconstruction_threshold", 2, "t: shares needed to reconstruct a client's secret; a round with a client whose secret has fewer surviving shares fails.", min: 1),
        "num_shares / 2 + 1");

    /// <summary><c>clipping_range</c>.</summary>
    public static readonly DoubleParameter ClippingRangeKey = new(
        "clipping_range", 8.0, "c: each coordinate of a client's weighted update is clipped to [-c, c] before quantisation; clipped values are counted as secagg_saturated.", min: 0, minExclusive: true);

    /// <summary><c>quantization_range</c>.</summary>
    public static readonly OptionalParameter<long> QuantizationRangeKey = new(
        new LongParameter("quantization_range", 1L << 22, "Q: [-c, c] maps onto the integers 0..Q; clients per round · Q must stay below 2^32.", min: 2),
        "the largest power of two with clients per round · Q < 2^32");

    /// <summary><c>dropout_rate</c>.</summary>
    public static readonly DoubleParameter DropoutRateKey = new(
        "dropout_rate", 0.0, "Simulation: each sampled client drops out after sharing its keys, before sending its masked input, with this probability.", min: 0, max: 1, maxExclusive: true);

    /// <summary>The keys <c>secure_aggregation_args</c> reads.</summary>
    public static readonly IParameter[] Keys = { EnableKey, NumSharesKey, ThresholdKey, ClippingRangeKey, QuantizationRangeKey, DropoutRateKey };

    /// <summary>Shares per client (itself and its neighbours).</summary>
    /// <value>The default value is null: client_num_per_round.</value>
    public int? NumShares { get; init; } = NumSharesKey.Default;

    /// <summary>t.</summary>
    /// <value>The default value is null: num_shares / 2 + 1.</value>
    public int? Threshold { get; init; } = ThresholdKey.Default;

    /// <summary>c.</summary>
    /// <value>The default value is 8 (Flower's).</value>
    public double ClippingRange { get; init; } = ClippingRangeKey.Default;

    /// <summary>Q.</summary>
    /// <value>The default value is null: derived from the clients per round.</value>
    public long? QuantizationRange { get; init; } = QuantizationRangeKey.Default;

    /// <summary>The simulated dropout probability.</summary>
    /// <value>The default value is 0.</value>
    public double DropoutRate { get; init; } = DropoutRateKey.Default;
}
