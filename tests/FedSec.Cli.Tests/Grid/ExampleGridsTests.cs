using FedSec.Configuration;
using FedSec.Results.Grid;
using FedSec.Setup;
using FedSec.Testing;

namespace FedSec.Cli.Tests.Grid;

/// <summary>
/// Every grid under examples/paper, examples/privacy and examples/byzfl expands, and every run in it binds without problems, as `fedsec bench` checks first
/// (with the command line's registry: the attacks FedSec.Torch registers, such as a3fl and iba, included).
/// </summary>
public class ExampleGridsTests
{
    public static TheoryData<string> Grids()
    {
        var data = new TheoryData<string>();
        foreach (string folder in new[] { "paper", "privacy", "byzfl" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root(), "examples", folder), "*.yaml").Order(StringComparer.Ordinal))
            {
                data.Add(folder + "/" + Path.GetFileName(file));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grids))]
    public void Expand_ExampleGrid_EveryRunBindsWithoutProblems(string file)
    {
        var registry = FedSec.Cli.Commands.Components.CreateRegistry();
        ExperimentSetup Bind(ConfigNamespace config) => ExperimentBinder.Bind(config, registry, Array.Empty<string>(), Array.Empty<string>());
        var grid = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", file));

        var plans = GridExpander.Expand(grid, ConfigVocabulary.ListValuedKeys(registry), RunKey.Binding(Bind), registry.Extensions.Select(e => e.Section));

        Assert.NotEmpty(plans);
        Assert.Equal(plans.Count, plans.Select(p => p.RunKey).Distinct().Count());
        foreach (var plan in plans)
        {
            var setup = Bind(plan.Config);
            Assert.Equal(setup.Config.EnableDefense ? setup.Config.DefenseTypes.Count : 0, setup.Config.EnableDefense ? setup.Defenses.Count : 0);
        }
    }
}
