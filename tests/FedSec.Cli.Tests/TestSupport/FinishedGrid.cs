using FedSec.Cli.Commands.Bench;
using FedSec.Results.Database;
using FedSec.Results.Grid;

namespace FedSec.Cli.Tests.TestSupport;

/// <summary>Stores every run of a grid file as finished in an output directory, as <c>fedsec bench</c> would, without running any.</summary>
internal static class FinishedGrid
{
    public static void Mark(string grid, string output)
    {
        var plan = BenchPlan.Create(grid, [], [], FedSec.Torch.Simulation.ExperimentFactory.CreateDefault());
        using var db = ResultsDatabase.Open(Path.Combine(output, ResultsDatabase.FileName));
        foreach (var run in plan.Runs)
        {
            string dir = Path.Combine(output, "runs", run.RunKey);
            FinishedRunFiles.Write(dir);
            db.Ingest(new GridRun(run.RunKey, run.Label, run.Axes, run.Seed, FedSec.Configuration.ConfigYamlWriter.Write(run.Config)), dir, 1);
        }
    }
}
