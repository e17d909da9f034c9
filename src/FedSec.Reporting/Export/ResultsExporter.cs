using FedSec.Results.Database;

namespace FedSec.Reporting.Export;

/// <summary><c>fedsec export</c>: writes every table of an output directory's results database as CSV or Parquet.</summary>
internal static class ResultsExporter
{
    public static IReadOnlyList<string> Write(string outputDirectory, ExportFormat format, string? toDirectory = null)
    {
        string dbPath = Path.Combine(outputDirectory, ResultsDatabase.FileName);
        if (!File.Exists(dbPath))
        {
            throw new FileNotFoundException($"{dbPath} does not exist; 'fedsec export' reads the results database that 'fedsec bench' writes into its output directory.", dbPath);
        }

        var results = ResultsDatabase.ReadSnapshot(dbPath);

        string to = toDirectory ?? outputDirectory;
        Directory.CreateDirectory(to);
        var written = new List<string>();
        foreach (var table in ExportTables.From(results))
        {
            string path = Path.Combine(to, table.Name + (format == ExportFormat.Csv ? ".csv" : ".parquet"));
            if (format == ExportFormat.Csv)
            {
                CsvTableWriter.Write(table, path);
            }
            else
            {
                ParquetTableWriter.WriteAsync(table, path).GetAwaiter().GetResult();
            }

            written.Add(path);
        }

        return written;
    }
}
