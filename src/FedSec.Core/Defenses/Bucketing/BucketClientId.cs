namespace FedSec.Defenses.Bucketing;

/// <summary>
/// The identities bucketing gives the synthetic updates it passes on: bucket b (0-based) is client −(b + 1). They
/// never collide with real clients (0 and up), so later stages can tell a bucket from a client, and detection
/// counts can leave buckets out; the verdict on each real client is bucketing's own.
/// </summary>
public static class BucketClientId
{
    /// <summary>The identity of bucket <paramref name="bucket"/>.</summary>
    public static int For(int bucket) => -(bucket + 1);

    /// <summary>Whether <paramref name="clientId"/> names a bucket rather than a client.</summary>
    public static bool IsBucket(int clientId) => clientId < 0;

    /// <summary>The bucket index of a bucket identity.</summary>
    public static int BucketOf(int clientId) => -clientId - 1;
}
