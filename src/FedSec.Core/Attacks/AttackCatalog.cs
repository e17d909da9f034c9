using FedSec.Attacks.Alie;
using FedSec.Attacks.AlterMin;
using FedSec.Attacks.Backdoor;
using FedSec.Attacks.Byzantine;
using FedSec.Attacks.Chameleon;
using FedSec.Attacks.Dba;
using FedSec.Attacks.EdgeCase;
using FedSec.Attacks.Fang;
using FedSec.Attacks.Gaussian;
using FedSec.Attacks.Ipm;
using FedSec.Attacks.LabelFlipping;
using FedSec.Attacks.LazyWorker;
using FedSec.Attacks.Mimic;
using FedSec.Attacks.MinMax;
using FedSec.Attacks.ModelReplacement;
using FedSec.Attacks.Neurotoxin;
using FedSec.Attacks.Optimal;
using FedSec.Attacks.SignFlip;
using FedSec.Attacks.TextBackdoor;
using FedSec.Attacks.ThreeDFed;
using FedSec.Components;

namespace FedSec.Attacks;

/// <summary>Every attack of FedSec.Core, for <c>Setup.BuiltInComponents</c>.</summary>
public static class AttackCatalog
{
    /// <summary>Registers every Core attack.</summary>
    public static void RegisterAll(ComponentRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.Register(ByzantineRegistration.Descriptor);
        registry.Register(SignFlipRegistration.Descriptor);
        registry.Register(GaussianRegistration.Descriptor);
        registry.Register(AlieRegistration.Descriptor);
        registry.Register(IpmRegistration.Descriptor);
        registry.Register(MinMaxRegistration.MinMax);
        registry.Register(MinMaxRegistration.MinSum);
        registry.Register(FangRegistration.Krum);
        registry.Register(FangRegistration.Trim);
        registry.Register(MimicRegistration.Descriptor);
        registry.Register(LazyWorkerRegistration.Descriptor);
        registry.Register(ModelReplacementRegistration.Descriptor);
        registry.Register(LabelFlippingRegistration.Descriptor);
        registry.Register(BackdoorRegistration.Descriptor);
        registry.Register(DbaRegistration.Descriptor);
        registry.Register(EdgeCaseRegistration.Descriptor);
        registry.Register(OptimalRegistration.Alie);
        registry.Register(OptimalRegistration.Ipm);
        registry.Register(NeurotoxinRegistration.Descriptor);
        registry.Register(TextBackdoorRegistration.Descriptor);
        registry.Register(AlterMinRegistration.Descriptor);
        registry.Register(ThreeDFedRegistration.Descriptor);
        registry.Register(ChameleonRegistration.Descriptor);
    }
}
