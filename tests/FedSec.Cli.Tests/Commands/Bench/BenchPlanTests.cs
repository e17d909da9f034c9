using FedSec.Cli.Commands.Bench;
using FedSec.Configuration;
using FedSec.Torch.Simulation;

namespace FedSec.Cli.Tests.Commands.Bench;

public sealed class BenchPlanTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ExperimentFactory _factory = ExperimentFactory.CreateDefault();

    [Fact]
    public void Create_SeedList_OneRunPerSeedEachWithItsConfig()
    {
        var plan = BenchPlan.Create(Grid("common_args: { random_seed: [0, 1, 2] }\ntrain_args: { comm_round: 2 }\n"), [], [], _factory);

        Assert.Equal(3, plan.Runs.Count);
        Assert.Equal([0L, 1L, 2L], plan.Runs.Select(r => plan.Configs[r.RunKey].RandomSeed));
        Assert.All(plan.Runs, r => Assert.Equal(2, plan.Configs[r.RunKey].CommRound));
    }

    [Fact]
    public void Create_SetWithAList_MakesAnAxis()
    {
        var plan = BenchPlan.Create(Grid("train_args: { comm_round: 2 }\n"), ["random_seed=[0,1]", "comm_round=3"], [], _factory);

        Assert.Equal(2, plan.Runs.Count);
        Assert.All(plan.Runs, r => Assert.Equal(3, plan.Configs[r.RunKey].CommRound));
    }

    [Fact]
    public void Create_OneRunInvalid_ConfigExceptionPrefixedWithThatRunsLabel()
    {
        var e = Assert.Throws<ConfigException>(() => BenchPlan.Create(Grid("train_args: { comm_round: [1, 0] }\n"), [], [], _factory));

        var problem = Assert.Single(e.Problems);
        Assert.StartsWith("run '", problem.Key, StringComparison.Ordinal);
        Assert.Contains("comm_round=0", problem.Key, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RunInvalidOutsideOnly_TheKeptRunsAreCheckedAndPlanned()
    {
        var only = FedSec.Results.Grid.AxisFilter.Parse(["comm_round=1"]);
        var plan = BenchPlan.Create(Grid("train_args: { comm_round: [1, 0] }\n"), [], [], _factory, only).Only(only);

        var run = Assert.Single(plan.Runs);
        Assert.Equal(1, plan.Configs[run.RunKey].CommRound);
    }

    [Fact]
    public void Pending_SomeFinished_TheOthersInOrder()
    {
        var plan = BenchPlan.Create(Grid("common_args: { random_seed: [0, 1, 2] }\n"), [], [], _factory);

        var pending = plan.Pending(new HashSet<string> { plan.Runs[1].RunKey });

        Assert.Equal([plan.Runs[0].RunKey, plan.Runs[2].RunKey], pending.Select(r => r.RunKey));
    }

    [Fact]
    public void RoundsOf_Runs_EachRunsCommRound()
    {
        var plan = BenchPlan.Create(Grid("train_args: { comm_round: [2, 5] }\n"), [], [], _factory);

        var rounds = plan.RoundsOf(plan.Runs);

        Assert.Equal([2, 5], plan.Runs.Select(r => rounds[r.RunKey]).Order());
    }

    public void Dispose() => _dir.Dispose();

    private string Grid(string yaml)
    {
        string path = _dir.File("grid.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
