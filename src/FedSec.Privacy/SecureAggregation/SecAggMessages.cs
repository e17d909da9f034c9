using System.Numerics;

namespace FedSec.Privacy.SecureAggregation;

/// <summary>Round 0 (AdvertiseKeys): a client's two ECDH public keys (SubjectPublicKeyInfo), for the share channel and the masks.</summary>
/// <param name="Client">The sender.</param>
/// <param name="ChannelKey">Its key for encrypting shares to each other client.</param>
/// <param name="MaskKey">Its key for agreeing the pairwise masks.</param>
internal sealed record AdvertisedKeys(int Client, byte[] ChannelKey, byte[] MaskKey);

/// <summary>Round 1 (ShareKeys): one client's shares for another, AES-GCM-encrypted so that the server relaying it cannot read it.</summary>
internal sealed record EncryptedShares(int From, int To, byte[] Nonce, byte[] Ciphertext, byte[] Tag);

/// <summary>Round 3 (Unmasking): a share a surviving client reveals: of the owner's self-mask seed (owner survived) or of its mask key (owner dropped).</summary>
/// <param name="Holder">The client revealing it.</param>
/// <param name="Owner">Whose secret it is a share of.</param>
/// <param name="OfSelfMask">True: a share of the self-mask seed bᵤ; false: of the mask private key sᵤ.</param>
/// <param name="X">The share's point.</param>
/// <param name="Y">The share's value.</param>
internal sealed record RevealedShare(int Holder, int Owner, bool OfSelfMask, int X, BigInteger Y);
