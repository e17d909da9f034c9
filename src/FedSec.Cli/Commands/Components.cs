using FedSec.Data;
using FedSec.Components;
using FedSec.Torch.Models;
using FedSec.Torch.Simulation;

namespace FedSec.Cli.Commands;

/// <summary>What the CLI can list: components, models and data sets.</summary>
internal static class Components
{
    public static ComponentRegistry CreateRegistry() => TorchComponents.CreateRegistry();

    public static IReadOnlyList<(string Name, string Description)> Models() =>
        ModelCatalog.CreateBuiltIn().Models.Select(m => (m.Name, m.Summary)).ToArray();

    public static IReadOnlyList<(string Name, string Description)> Datasets() =>
        DatasetCatalog.Names.Select(n => (n, DatasetCatalog.Description(n))).ToArray();
}
