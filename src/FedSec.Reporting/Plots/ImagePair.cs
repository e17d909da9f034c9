namespace FedSec.Reporting.Plots;

/// <summary>An original image and its reconstruction (PNG bytes), with a caption.</summary>
internal sealed record ImagePair(string Caption, byte[] Original, byte[] Reconstructed);
