namespace FedSec.Reporting.Export;

/// <summary>A table to export, column by column; every column has <see cref="RowCount"/> values.</summary>
internal sealed record ExportTable(string Name, IReadOnlyList<ExportColumn> Columns)
{
    public int RowCount => Columns.Count == 0 ? 0 : Columns[0].Values.Count;
}
