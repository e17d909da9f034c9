namespace FedSec.Privacy.Accounting;

/// <summary>An (ε, δ) guarantee read off an RDP curve: ε, and the order α it was read at.</summary>
/// <param name="Epsilon">ε; +∞ when no order gives a finite bound.</param>
/// <param name="Order">The RDP order α of the minimum (NaN when ε is infinite).</param>
public sealed record PrivacySpent(double Epsilon, double Order);
