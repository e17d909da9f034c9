using FedSec.Torch.Triggers.Iba;

namespace FedSec.Torch.Tests.Triggers;

/// <summary>
/// IBA's poisoning runs its generator without oneDNN, whose convolutions are wrong on some AVX-512 CPUs in the forward
/// pass too (the project's machine: outputs off by ~3 % of ε, sometimes NaN, from call to call).
/// </summary>
public class IbaForwardProbeTests
{
    [Fact]
    public void Poison_ManyGeneratorsAndImages_EqualToTheGeneratorWithoutOneDnnAndNeverNaN()
    {
        for (int rep = 0; rep < 60; rep++)
        {
            using var trigger = new IbaTrigger(1, 0.3, seed: 3 + rep);
            int size = rep % 2 == 0 ? 8 : 28;
            var clean = TestImages.Random(20, 1, size, size, 4, seed: 5 + rep);
            var poisoned = clean.Clone();
            trigger.Poison(poisoned, Enumerable.Range(0, 20).ToArray(), batchSize: 7);
            var reference = clean.Clone();
            using (OneDnn.Suspend())
            {
                trigger.Poison(reference, Enumerable.Range(0, 20).ToArray(), batchSize: 7);
            }

            Assert.DoesNotContain(poisoned.Pixels, float.IsNaN);
            Assert.Equal(reference.Pixels, poisoned.Pixels);
        }
    }
}
