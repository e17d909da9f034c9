namespace FedSec.Results.Grid;

/// <summary>Starts one run of a grid (in production a <c>fedsec run</c> child process) writing into its run directory.</summary>
public interface IRunLauncher
{
    /// <summary>
    /// Starts <paramref name="plan"/>; its configuration is already in <paramref name="configPath"/>, and the run must write
    /// <c>rounds.jsonl</c> (round by round) and, last, <c>summary.json</c> into <paramref name="runDirectory"/>.
    /// </summary>
    IRunningRun Start(GridRunPlan plan, string configPath, string runDirectory);
}
