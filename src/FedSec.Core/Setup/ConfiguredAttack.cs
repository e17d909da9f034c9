using FedSec.Configuration;
using FedSec.Stages;

namespace FedSec.Setup;

/// <summary>The attack a configuration names, created for one experiment.</summary>
/// <param name="Name">Its registered name (<c>attack_args.attack_type</c>).</param>
/// <param name="Instance">The instance; it takes part in every attack stage it implements.</param>
/// <param name="Settings">The keys it read, with their resolved values.</param>
public sealed record ConfiguredAttack(string Name, IAttack Instance, IReadOnlyList<ResolvedSetting> Settings);
