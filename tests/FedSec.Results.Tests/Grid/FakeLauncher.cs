using FedSec.Simulation;
using FedSec.Results.Tests.Database;
using FedSec.Results.Grid;

namespace FedSec.Results.Tests.Grid;

/// <summary>
/// Stands in for <c>fedsec run</c>: a run named in <see cref="Crash"/> writes one round and dies (as a killed process
/// would, with no summary); a run named in <see cref="Diverge"/> writes two rounds, the second diverged, and exits 0
/// (as <c>fedsec run</c> does for a diverged run); any other run writes its rounds and summary and exits 0. Every start
/// is recorded.
/// </summary>
internal sealed class FakeLauncher : IRunLauncher
{
    public HashSet<string> Crash { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Diverge { get; } = new(StringComparer.Ordinal);

    public List<string> Started { get; } = new();

    public IRunningRun Start(GridRunPlan plan, string configPath, string runDirectory)
    {
        Started.Add(plan.RunKey);
        Assert.True(File.Exists(configPath));
        double accuracy = 0.5 + (plan.Seed / 10.0);
        if (Crash.Contains(plan.RunKey))
        {
            File.WriteAllText(Path.Combine(runDirectory, "rounds.jsonl"), System.Text.Json.JsonSerializer.Serialize(RunDirectoryWriter.Round(0, accuracy), FedSec.Output.JsonOptions.Lines) + "\n");
            return new Ended(137);
        }

        if (Diverge.Contains(plan.RunKey))
        {
            var diverged = new FedSec.Simulation.Divergence(1, FedSec.Simulation.DivergenceStage.LocalTraining, 0, "client 0's local training produced NaN at w[0]");
            RunDirectoryWriter.Write(
                runDirectory,
                RunDirectoryWriter.Summary(2, 0.1) with { Status = FedSec.Simulation.RunStatus.Diverged, Diverged = diverged },
                [RunDirectoryWriter.Round(0, accuracy), RunDirectoryWriter.Round(1, 0.1) with { Diverged = diverged }]);
            return new Ended(0);
        }

        RunDirectoryWriter.Write(runDirectory, RunDirectoryWriter.Summary(2, accuracy), [RunDirectoryWriter.Round(0, accuracy - 0.1), RunDirectoryWriter.Round(1, accuracy)]);
        return new Ended(0);
    }

    private sealed class Ended(int exitCode) : IRunningRun
    {
        public bool HasExited => true;

        public int ExitCode { get; } = exitCode;

        public void Kill()
        {
        }

        public string FailureText() => "killed";

        public void Dispose()
        {
        }
    }
}
