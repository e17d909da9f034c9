using FedSec.Defenses.AflGuard;
using FedSec.Defenses.AnomalyDetection;
using FedSec.Defenses.Arc;
using FedSec.Defenses.Auror;
using FedSec.Defenses.Bucketing;
using FedSec.Defenses.Bulyan;
using FedSec.Defenses.CenteredClipping;
using FedSec.Defenses.Crfl;
using FedSec.Defenses.DeepSight;
using FedSec.Defenses.Dnc;
using FedSec.Defenses.FLDetector;
using FedSec.Defenses.FedRdf;
using FedSec.Defenses.FLTrust;
using FedSec.Defenses.Flame;
using FedSec.Defenses.Flare;
using FedSec.Defenses.FoolsGold;
using FedSec.Defenses.Krum;
using FedSec.Defenses.Lasa;
using FedSec.Defenses.Median;
using FedSec.Defenses.Nnm;
using FedSec.Defenses.NormDiffClipping;
using FedSec.Defenses.Rfa;
using FedSec.Defenses.Rflbat;
using FedSec.Defenses.RobustLearningRate;
using FedSec.Defenses.SignGuard;
using FedSec.Defenses.Slsgd;
using FedSec.Defenses.ThreeSigma;
using FedSec.Defenses.TrimmedMean;
using FedSec.Defenses.WeakDp;
using FedSec.Defenses.ZenoPlusPlus;
using FedSec.Components;

namespace FedSec.Defenses;

/// <summary>Every defense of FedSec.Core, for <c>Setup.BuiltInComponents</c>.</summary>
public static class DefenseCatalog
{
    /// <summary>Registers every Core defense.</summary>
    public static void RegisterAll(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(KrumRegistration.Krum);
        registry.Register(KrumRegistration.MultiKrum);
        registry.Register(FoolsGoldRegistration.Descriptor);
        registry.Register(AflGuardRegistration.Descriptor);
        registry.Register(ThreeSigmaRegistration.Descriptor);
        registry.Register(AnomalyDetectionRegistration.Descriptor);
        registry.Register(FlameRegistration.Descriptor);
        registry.Register(DncRegistration.Descriptor);
        registry.Register(SignGuardRegistration.Descriptor);
        registry.Register(NnmRegistration.Descriptor);
        registry.Register(BucketingRegistration.Descriptor);
        registry.Register(ArcRegistration.Descriptor);
        registry.Register(FLTrustRegistration.Descriptor);
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
        registry.Register(FLDetectorRegistration.Descriptor);
        registry.Register(LasaRegistration.Descriptor);
        registry.Register(AurorRegistration.Descriptor);
        registry.Register(RflbatRegistration.Descriptor);
        registry.Register(FedRdfRegistration.Descriptor);
        registry.Register(ZenoPlusPlusRegistration.Descriptor);
        registry.Register(DeepSightRegistration.Descriptor);
        registry.Register(FlareRegistration.Descriptor);
    }
}
