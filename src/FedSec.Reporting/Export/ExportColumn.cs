namespace FedSec.Reporting.Export;

/// <summary>One column of an exported table: its name, type and one value per row (null: missing).</summary>
internal sealed record ExportColumn(string Name, ColumnKind Kind, IReadOnlyList<object?> Values);
