using FedSec.Configuration;
using FedSec.Stages;

namespace FedSec.Setup;

/// <summary>One defense of a configuration's chain, created for one experiment.</summary>
/// <param name="Name">Its registered name (an entry of <c>defense_args.defense_type</c>).</param>
/// <param name="Instance">The instance; it takes part in every defense stage it implements.</param>
/// <param name="Settings">The keys it read, with their resolved values.</param>
public sealed record ConfiguredDefense(string Name, IDefense Instance, IReadOnlyList<ResolvedSetting> Settings);
