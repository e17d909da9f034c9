using FedSec.Defenses.Krum;
using FedSec.Defenses.Bulyan;
using FedSec.Defenses.CenteredClipping;
using FedSec.Defenses.Median;
using FedSec.Defenses.Crfl;
using FedSec.Defenses.Rfa;
using FedSec.Defenses.NormDiffClipping;
using FedSec.Defenses.RobustLearningRate;
using FedSec.Defenses.Slsgd;
using FedSec.Defenses.TrimmedMean;
using FedSec.Defenses.WeakDp;
using FedSec.Registry;

namespace FedSec.Defenses;

/// <summary>Every defense of FedSec.Core, for <see cref="BuiltInComponents"/>.</summary>
public static class DefenseCatalog
{
    /// <summary>Registers every Core defense.</summary>
    public static void RegisterAll(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(KrumRegistration.Krum);
        registry.Register(KrumRegistration.MultiKrum);
        registry.Register(NormDiffClippingRegistration.Descriptor);
        registry.Register(RfaRegistration.Rfa);
        registry.Register(RfaRegistration.GeoMedian);
        registry.Register(MedianRegistration.Descriptor);
        registry.Register(TrimmedMeanRegistration.Descriptor);
        registry.Register(SlsgdRegistration.Descriptor);
        registry.Register(RobustLearningRateRegistration.Descriptor);
        registry.Register(BulyanRegistration.Descriptor);
        registry.Register(CenteredClippingRegistration.Descriptor);
        registry.Register(WeakDpRegistration.Descriptor);
        registry.Register(CrflRegistration.Descriptor);
    }
}
