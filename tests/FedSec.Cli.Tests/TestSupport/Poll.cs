namespace FedSec.Cli.Tests.TestSupport;

/// <summary>Waits for a condition that another process brings about, up to a generous bound (a bound, not a measurement).</summary>
internal static class Poll
{
    public static void Until(Func<bool> condition, TimeSpan bound, string what)
    {
        var deadline = DateTime.UtcNow + bound;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Waited {bound} for {what}.");
            }

            Thread.Sleep(20);
        }
    }
}
