namespace FedSec.Reporting.Export;

/// <summary>The type of an exported column (Parquet's physical type; CSV writes all as text).</summary>
internal enum ColumnKind
{
    Text,
    Integer,
    Real,
    Boolean,
}
