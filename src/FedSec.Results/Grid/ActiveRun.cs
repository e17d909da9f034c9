using System.Diagnostics;

namespace FedSec.Results.Grid;

/// <summary>A run <see cref="GridRunner"/> has started and not yet seen end.</summary>
internal sealed class ActiveRun(GridRunPlan plan, string directory, IRunningRun process, Stopwatch clock)
{
    public GridRunPlan Plan { get; } = plan;

    public string Directory { get; } = directory;

    public IRunningRun Process { get; } = process;

    public Stopwatch Clock { get; } = clock;

    public int Rounds { get; set; }
}
