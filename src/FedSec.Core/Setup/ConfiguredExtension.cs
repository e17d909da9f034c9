using FedSec.Configuration;
using FedSec.Stages;

namespace FedSec.Setup;

/// <summary>A component a section of its own added to an experiment (see <see cref="Components.ExtensionDescriptor"/>).</summary>
/// <param name="Section">The section, e.g. <c>dp_args</c>; also its name in reports.</param>
/// <param name="Instance">The instance; it takes part in every stage it implements.</param>
/// <param name="Settings">The keys it read, with their resolved values.</param>
public sealed record ConfiguredExtension(string Section, IComponent Instance, IReadOnlyList<ResolvedSetting> Settings);
