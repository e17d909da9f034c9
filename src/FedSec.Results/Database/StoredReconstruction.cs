namespace FedSec.Results.Database;

/// <summary>What a data-reconstruction attack recovered from one client in one round of a stored run.</summary>
/// <param name="RunKey">The run's key.</param>
/// <param name="Round">Zero-based round index.</param>
/// <param name="Client">The attacked client.</param>
/// <param name="Mse">Mean squared error against the closest original, pixels in [0, 1].</param>
/// <param name="Psnr">Peak signal-to-noise ratio in dB.</param>
/// <param name="LabelAccuracy">1 when the recovered label was right, else 0.</param>
/// <param name="ImagePath">The reconstructed image, relative to the database's directory.</param>
/// <param name="OriginalPath">The matched original, relative to the database's directory.</param>
/// <param name="Metrics">Every quality measure the attack reported.</param>
public sealed record StoredReconstruction(
    string RunKey,
    int Round,
    int Client,
    double? Mse,
    double? Psnr,
    double? LabelAccuracy,
    string? ImagePath,
    string? OriginalPath,
    IReadOnlyDictionary<string, double> Metrics);
