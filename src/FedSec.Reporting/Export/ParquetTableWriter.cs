using Parquet;
using Parquet.Schema;

namespace FedSec.Reporting.Export;

/// <summary>Writes a table as one Parquet file with one row group; every column optional (nullable).</summary>
internal static class ParquetTableWriter
{
    public static async Task WriteAsync(ExportTable table, string path)
    {
        var fields = table.Columns.Select(Field).ToArray();
        var schema = new ParquetSchema(fields);
        await using var stream = File.Create(path);
        await using var writer = await ParquetWriter.CreateAsync(schema, stream);
        using var group = writer.CreateRowGroup();
        for (int i = 0; i < fields.Length; i++)
        {
            var values = table.Columns[i].Values;
            switch (table.Columns[i].Kind)
            {
                case ColumnKind.Text:
                    await group.WriteAsync(fields[i], values.Select(v => (string?)v).ToArray()!);
                    break;
                case ColumnKind.Integer:
                    await group.WriteAsync<long>(fields[i], values.Select(v => v is null ? (long?)null : Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray().AsMemory());
                    break;
                case ColumnKind.Real:
                    await group.WriteAsync<double>(fields[i], values.Select(v => (double?)v).ToArray().AsMemory());
                    break;
                default:
                    await group.WriteAsync<bool>(fields[i], values.Select(v => (bool?)v).ToArray().AsMemory());
                    break;
            }
        }
    }

    private static DataField Field(ExportColumn column) => column.Kind switch
    {
        ColumnKind.Text => new DataField<string>(column.Name, true),
        ColumnKind.Integer => new DataField<long?>(column.Name),
        ColumnKind.Real => new DataField<double?>(column.Name),
        _ => new DataField<bool?>(column.Name),
    };
}
