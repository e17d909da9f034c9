using System.Globalization;
using System.Text.Json;
using FedSec.Configuration;
using FedSec.Data.Npy;
using FedSec.Output;
using FedSec.Simulation;

namespace FedSec.Cli.Commands.Run;

/// <summary>
/// The files of one run in its output directory: <c>config.yaml</c> first, <c>rounds.jsonl</c> round by round,
/// <c>summary.json</c> last and whole (written beside and renamed into place, so a reader such as a resuming bench finds
/// it complete or not at all), and <c>final_model.npy</c> on request.
/// </summary>
internal sealed class RunOutput
{
    /// <summary>The resolved configuration.</summary>
    public const string ConfigFile = "config.yaml";

    /// <summary>One JSON line per round.</summary>
    public const string RoundsFile = "rounds.jsonl";

    /// <summary>The run's summary, written last.</summary>
    public const string SummaryFile = "summary.json";

    /// <summary>The final global model (<c>--save-model</c>).</summary>
    public const string ModelFile = "final_model.npy";

    /// <summary>Creates <paramref name="directory"/> if needed.</summary>
    public RunOutput(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = directory;
        System.IO.Directory.CreateDirectory(directory);
    }

    /// <summary>The run's directory.</summary>
    public string Directory { get; }

    /// <summary>Where a run goes without <c>--output</c>: <c>runs/yyyyMMdd-HHmmss</c> of <paramref name="localTime"/>.</summary>
    public static string DefaultDirectory(DateTime localTime) =>
        Path.Combine("runs", localTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));

    /// <summary>Writes the resolved configuration.</summary>
    public void WriteConfig(ConfigNamespace config) => File.WriteAllText(PathOf(ConfigFile), ConfigYamlWriter.Write(config));

    /// <summary>Opens the round log (truncated, or appended to for a resumed run); the experiment writes a line per round into it.</summary>
    public RoundLogWriter OpenRoundLog(bool append = false) => new(PathOf(RoundsFile), append);

    /// <summary>Writes <c>summary.json</c> of <paramref name="result"/>, whole, and returns the summary.</summary>
    /// <param name="config">The run's configuration.</param>
    /// <param name="result">Its result.</param>
    /// <param name="tensorThreads">The tensor threads its training ran on, when this process trained (then this machine is recorded too).</param>
    public RunSummary WriteSummary(ExperimentConfig config, ExperimentResult result, int? tensorThreads = null)
    {
        var summary = RunSummary.From(config, result) with { TensorThreads = tensorThreads, Machine = tensorThreads is null ? null : FedSecMachine.Current };
        string path = PathOf(SummaryFile);
        string partial = path + ".partial";
        File.WriteAllText(partial, JsonSerializer.Serialize(summary, JsonOptions.Indented));
        File.Move(partial, path, overwrite: true);
        return summary;
    }

    /// <summary>Writes the final global model as a flat float32 vector in the layout's order (<c>model_args.initial_model</c> reads it).</summary>
    public void WriteModel(float[] global)
    {
        ArgumentNullException.ThrowIfNull(global);
        NpyFile.Write(PathOf(ModelFile), global, global.Length);
    }

    /// <summary>The files a finished run leaves, for the closing message.</summary>
    public static string FileList(bool savedModel) =>
        $"{RoundsFile}, {SummaryFile}, {ConfigFile}{(savedModel ? ", " + ModelFile : string.Empty)}";

    private string PathOf(string file) => Path.Combine(Directory, file);
}
