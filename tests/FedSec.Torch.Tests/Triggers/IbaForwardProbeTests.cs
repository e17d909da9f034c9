using FedSec.Torch.Triggers.Iba;

namespace FedSec.Torch.Tests.Triggers;

/// <summary>
/// IBA's generator poisons the same images the same way every time and never with NaN. With libtorch's oneDNN on, on
/// the project's AVX-512 CPU, its forward pass was off by ~3 % of ε from call to call and sometimes NaN (see OneDnn);
/// FedSec keeps oneDNN off.
/// </summary>
public class IbaForwardProbeTests
{
    [Fact]
    public void Poison_ManyGeneratorsAndImages_RepeatableAndNeverNaN()
    {
        for (int rep = 0; rep < 60; rep++)
        {
            using var trigger = new IbaTrigger(1, 0.3, seed: 3 + rep);
            int size = rep % 2 == 0 ? 8 : 28;
            var clean = TestImages.Random(20, 1, size, size, 4, seed: 5 + rep);
            var poisoned = clean.Clone();
            trigger.Poison(poisoned, Enumerable.Range(0, 20).ToArray(), batchSize: 7);
            var again = clean.Clone();
            trigger.Poison(again, Enumerable.Range(0, 20).ToArray(), batchSize: 7);

            Assert.DoesNotContain(poisoned.Pixels, float.IsNaN);
            Assert.NotEqual(clean.Pixels, poisoned.Pixels);
            Assert.Equal(poisoned.Pixels, again.Pixels);
        }
    }
}
