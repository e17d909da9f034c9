namespace FedSec.Reporting.Export;

/// <summary>The file format of <c>fedsec export</c>.</summary>
internal enum ExportFormat
{
    Csv,
    Parquet,
}
