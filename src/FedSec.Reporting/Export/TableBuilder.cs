namespace FedSec.Reporting.Export;

/// <summary>Builds an <see cref="ExportTable"/> from rows of <typeparamref name="T"/>, one column per call, names kept unique.</summary>
internal sealed class TableBuilder<T>
{
    private readonly IReadOnlyList<T> _rows;
    private readonly List<ExportColumn> _columns = new();

    public TableBuilder(IReadOnlyList<T> rows)
    {
        _rows = rows;
    }

    public TableBuilder<T> Text(string name, Func<T, string?> value) => Add(name, ColumnKind.Text, r => value(r));

    public TableBuilder<T> Integer(string name, Func<T, long?> value) => Add(name, ColumnKind.Integer, r => value(r));

    // NaN is written as missing: CSV readers and Parquet both understand an empty/null value, not all understand "NaN".
    public TableBuilder<T> Real(string name, Func<T, double?> value) => Add(name, ColumnKind.Real, r => value(r) is { } v && !double.IsNaN(v) ? v : null);

    public TableBuilder<T> Boolean(string name, Func<T, bool?> value) => Add(name, ColumnKind.Boolean, r => value(r));

    /// <summary>One text column per axis, named after it ("axis_" in front when a fixed column already has that name).</summary>
    public TableBuilder<T> Axes(IReadOnlyList<string> axes, Func<T, IReadOnlyDictionary<string, string>?> axesOf, IReadOnlyCollection<string> reserved)
    {
        foreach (string axis in axes)
        {
            string name = reserved.Contains(axis) ? "axis_" + axis : axis;
            Text(name, r => axesOf(r) is { } a && a.TryGetValue(axis, out string? v) ? v : null);
        }

        return this;
    }

    public ExportTable Build(string name) => new(name, _columns);

    private TableBuilder<T> Add(string name, ColumnKind kind, Func<T, object?> value)
    {
        if (_columns.Any(c => c.Name == name))
        {
            throw new InvalidOperationException($"Table column '{name}' appears twice.");
        }

        _columns.Add(new ExportColumn(name, kind, _rows.Select(value).ToArray()));
        return this;
    }
}
