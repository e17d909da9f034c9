namespace FedSec.Reporting.Report;

/// <summary>The tables and figures of one facet, in the order the report shows them.</summary>
internal sealed record FacetSection(Facet Facet, IReadOnlyList<ReportTable> Tables, IReadOnlyList<ReportFigure> Figures)
{
    /// <summary>How many of the facet's backdoor runs paired with a control run (0 without <c>--control</c>).</summary>
    public int PairedWithControls { get; init; }

    /// <summary>
    /// Builds every table and figure the facet's data allows; with <paramref name="controls"/>, also its backdoor runs
    /// net of their control runs.
    /// </summary>
    public static FacetSection Build(Facet facet, ResultIndex index, int number, ControlRuns? controls = null)
    {
        var tables = new List<ReportTable>();
        var figures = new List<ReportFigure>();
        string id = $"f{number}-";
        if (AccuracyTable.For(facet, id + "accuracy") is { } accuracy)
        {
            tables.Add(accuracy.Table);
            figures.Add(accuracy.Figure);
        }

        if (LanguageTable.For(facet, index, id + "language") is { } language)
        {
            tables.Add(language);
        }

        figures.AddRange(AccuracyFigures.For(facet, index));
        if (LossFigure.For(facet, index) is { } loss)
        {
            figures.Add(loss);
        }
        foreach (var metric in FinalMetric.All)
        {
            if (FinalMetricTable.For(facet, index, id, metric) is { } table)
            {
                tables.Add(table);
            }
        }

        var measured = BackdoorDurability.Measured(facet, index);
        if (DurabilityMatrix.For(facet, measured, id + "durability-matrix") is { } matrix)
        {
            tables.Add(matrix);
        }

        if (DurabilityTable.For(facet, measured, id + "durability") is { } durability)
        {
            tables.Add(durability);
        }

        int pairedCount = 0;
        if (controls is not null)
        {
            var paired = ControlledRun.Pair(measured, controls, out var unpaired);
            pairedCount = paired.Count;
            if (NetDurabilityMatrix.For(facet, paired, unpaired, controls.Source, id + "net-durability") is { } net)
            {
                tables.Add(net);
            }

            if (ControlTriggerTable.For(facet, paired, controls.Source, id + "controls") is { } triggers)
            {
                tables.Add(triggers);
            }
        }

        if (DetectionTable.For(facet, index, id + "detection") is { } detection)
        {
            tables.Add(detection);
        }

        if (MemoryTable.For(facet, id + "memory") is { } memory)
        {
            tables.Add(memory);
        }

        if (ReconstructionSection.For(facet, index, id + "reconstruction") is { } reconstruction)
        {
            tables.Add(reconstruction.Table);
            if (reconstruction.Figure is { } f)
            {
                figures.Add(f);
            }
        }

        return new FacetSection(facet, tables, figures) { PairedWithControls = pairedCount };
    }
}
