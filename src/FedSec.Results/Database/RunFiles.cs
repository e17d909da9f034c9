using FedSec.Output;
using System.Text.Json;
using FedSec.Simulation;

namespace FedSec.Results.Database;

/// <summary>
/// The result files of one finished run directory (<c>summary.json</c>, <c>rounds.jsonl</c>, the reconstruction
/// images the rounds list), read and checked before anything is written to the database.
/// </summary>
internal sealed class RunFiles
{
    public const string SummaryFile = "summary.json";
    public const string RoundsFile = "rounds.jsonl";

    private RunFiles(RunSummary summary, IReadOnlyList<RoundRecord> rounds)
    {
        Summary = summary;
        Rounds = rounds;
    }

    public RunSummary Summary { get; }

    public IReadOnlyList<RoundRecord> Rounds { get; }

    /// <summary>Reads <paramref name="runDirectory"/>; throws <see cref="RunFilesException"/> naming the first bad file.</summary>
    public static RunFiles Read(string runDirectory)
    {
        string summaryPath = Path.Combine(runDirectory, SummaryFile);
        var summary = ReadSummary(summaryPath);
        string roundsPath = Path.Combine(runDirectory, RoundsFile);
        var rounds = ReadRounds(roundsPath);
        if (rounds.Count != summary.Rounds)
        {
            throw new RunFilesException(roundsPath, $"{roundsPath} holds {rounds.Count} rounds but {summaryPath} says the run had {summary.Rounds}; the run did not finish writing its files. Run it again.");
        }

        foreach (var file in rounds.SelectMany(r => r.Reconstructions).SelectMany(r => r.Files))
        {
            string path = Path.Combine(runDirectory, file);
            if (!File.Exists(path))
            {
                throw new RunFilesException(path, $"{path} is listed in {roundsPath} as a reconstruction image but does not exist.");
            }
        }

        return new RunFiles(summary, rounds);
    }

    private static RunSummary ReadSummary(string path)
    {
        string text = ReadAll(path);
        RunSummary? summary;
        try
        {
            summary = JsonSerializer.Deserialize<RunSummary>(text, JsonOptions.Indented);
        }
        catch (JsonException e)
        {
            throw new RunFilesException(path, $"{path} is not a valid run summary: {e.Message}", e);
        }

        if (summary is null || summary.Rounds < 0 || summary.Defenses is null || summary.MaliciousClients is null)
        {
            throw new RunFilesException(path, $"{path} is not a valid run summary: expected a JSON object with seed, dataset, model, attack, defenses, rounds and malicious_clients.");
        }

        if ((summary.Status == RunStatus.Diverged) != (summary.Diverged is not null))
        {
            throw new RunFilesException(path, $"{path} is not a valid run summary: its status is {summary.Status} but it {(summary.Diverged is null ? "has no" : "has a")} 'diverged' record; a diverged run has both, a completed run neither.");
        }

        return summary;
    }

    private static List<RoundRecord> ReadRounds(string path)
    {
        string text = ReadAll(path);
        var rounds = new List<RoundRecord>();
        var seen = new HashSet<int>();
        int lineNumber = 0;
        foreach (string line in text.Split('\n'))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            RoundRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<RoundRecord>(line, JsonOptions.Lines);
            }
            catch (JsonException e)
            {
                throw new RunFilesException(path, $"{path}, line {lineNumber}, is not a valid round record: {e.Message}", e);
            }

            if (record is null || record.Sampled is null || record.Attacked is null || record.Defenses is null || record.Reconstructions is null || record.Metrics is null)
            {
                throw new RunFilesException(path, $"{path}, line {lineNumber}, is not a valid round record: expected a JSON object with round, sampled and attacked.");
            }

            if (!seen.Add(record.Round))
            {
                throw new RunFilesException(path, $"{path}, line {lineNumber}, repeats round {record.Round}; each round appears once.");
            }

            rounds.Add(record);
        }

        return rounds;
    }

    private static string ReadAll(string path)
    {
        if (!File.Exists(path))
        {
            throw new RunFilesException(path, $"{path} is missing: the run did not finish, or its directory is not a run's output.");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFilesException(path, $"{path} cannot be read: {e.Message}", e);
        }
    }
}
