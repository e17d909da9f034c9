using FedSec.Components;

namespace FedSec.Defenses.Bucketing;

/// <summary>Registers bucketing as <c>bucketing</c>.</summary>
public static class BucketingRegistration
{
    /// <summary>The descriptor of <c>defense_type: bucketing</c>; chain it before a robust aggregation.</summary>
    public static ComponentDescriptor Descriptor { get; } = ComponentDescriptor.Defense(
        "bucketing",
        "Shuffles the updates and averages them in buckets of bucket_size; chain it before a robust aggregation (Karimireddy et al. 2022).",
        BucketingOptions.Keys,
        BucketingOptions.Read,
        o => new BucketingDefense(o));
}
