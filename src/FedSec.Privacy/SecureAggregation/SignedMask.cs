namespace FedSec.Privacy.SecureAggregation;

/// <summary>A mask to add to or take off a vector mod 2³²: the AES key it expands from (<see cref="MaskGenerator.Key"/>) and its sign.</summary>
/// <param name="Key">The AES-128 key of the mask.</param>
/// <param name="Subtract">Whether the mask is taken off (else added).</param>
internal readonly record struct SignedMask(byte[] Key, bool Subtract);
