using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace FedSec.Bench;

/// <summary>
/// A second ratio column: each case's mean time over the mean of another method of the same class with the same
/// parameters (BenchmarkDotNet's own Ratio column only knows the one baseline), e.g. every rule against torch's X·Xᵀ.
/// </summary>
public sealed class ReferenceRatioColumn : IColumn
{
    private readonly string _method;

    public ReferenceRatioColumn(string method, string columnName)
    {
        _method = method;
        ColumnName = columnName;
    }

    public string Id => $"{nameof(ReferenceRatioColumn)}.{_method}";

    public string ColumnName { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Baseline;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"Mean time relative to {_method} with the same parameters";

    /// <summary>The ratio, or null when either side has no result.</summary>
    public static double? Ratio(Summary summary, BenchmarkCase benchmarkCase, string method)
    {
        var reference = summary.BenchmarksCases.FirstOrDefault(c =>
            c.Descriptor.Type == benchmarkCase.Descriptor.Type
            && c.Descriptor.WorkloadMethod.Name == method
            && c.Parameters.ValueInfo == benchmarkCase.Parameters.ValueInfo
            && c.Job == benchmarkCase.Job);
        var mine = summary[benchmarkCase]?.ResultStatistics;
        var theirs = reference is null ? null : summary[reference]?.ResultStatistics;
        return mine is null || theirs is null ? null : mine.Mean / theirs.Mean;
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Ratio(summary, benchmarkCase, _method) is { } r ? r.ToString("F2", System.Globalization.CultureInfo.InvariantCulture) : "?";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(c => c.Descriptor.WorkloadMethod.Name == _method);
}
