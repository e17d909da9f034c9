using System.Globalization;
using FedSec.Reporting.Plots;

namespace FedSec.Reporting.Report;

/// <summary>Data-reconstruction results (DLG, iDLG): each reconstruction next to its original, with MSE and PSNR.</summary>
internal static class ReconstructionSection
{
    /// <summary>At most this many pairs go into the figure (the table lists all).</summary>
    public const int MaxFigurePairs = 12;

    public static (ReportTable Table, ReportFigure? Figure)? For(Facet facet, ResultIndex index, string id)
    {
        var items = facet.Runs.SelectMany(run => index.Reconstructions(run).Select(r => (run, r))).ToArray();
        if (items.Length == 0)
        {
            return null;
        }

        var rows = new List<IReadOnlyList<ReportCell>>();
        var pairs = new List<ImagePair>();
        foreach (var (run, r) in items)
        {
            byte[]? original = Read(index.Directory, r.OriginalPath);
            byte[]? image = Read(index.Directory, r.ImagePath);
            rows.Add(new ReportCell[]
            {
                run.Label,
                (r.Round + 1).ToString(CultureInfo.InvariantCulture),
                r.Client.ToString(CultureInfo.InvariantCulture),
                Number(r.Mse, "F4"),
                Number(r.Psnr, "F2"),
                Number(r.LabelAccuracy, "F0"),
                Image(original, r.OriginalPath),
                Image(image, r.ImagePath),
            });
            if (original is not null && image is not null && pairs.Count < MaxFigurePairs)
            {
                pairs.Add(new ImagePair($"{run.Label}\nround {r.Round + 1}, client {r.Client}\nPSNR {Number(r.Psnr, "F2")} dB, MSE {Number(r.Mse, "F4")}", original, image));
            }
        }

        string suffix = facet.Label.Length == 0 ? string.Empty : $" ({facet.Label})";
        var table = new ReportTable(
            id,
            $"Data reconstruction{suffix}",
            "Each reconstructed input next to the client's closest original; MSE on pixels in [0, 1], PSNR = 10 log10(1 / MSE) dB; label accuracy 1 when the recovered label is right.",
            ["run", "round", "client", "MSE", "PSNR (dB)", "label accuracy", "original", "reconstructed"],
            rows);
        var figure = pairs.Count == 0 ? null : new ReportFigure(facet.Slug + "reconstructions", "Reconstructed inputs next to the originals, with PSNR.", new ImagePairGrid($"Data reconstruction{suffix}", pairs));
        return (table, figure);
    }

    private static string Number(double? v, string format) => v is { } x ? x.ToString(format, CultureInfo.InvariantCulture) : "–";

    private static byte[]? Read(string directory, string? relative)
    {
        if (relative is null)
        {
            return null;
        }

        string path = Path.Combine(directory, relative);
        return File.Exists(path) ? File.ReadAllBytes(path) : null;
    }

    private static ReportCell Image(byte[]? png, string? relative) => png is null
        ? new ReportCell(relative is null ? "–" : $"missing: {relative}")
        : new ReportCell(relative!, $"<img class=\"pixel\" width=\"84\" height=\"84\" alt=\"{HtmlText.Escape(relative!)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\"/>");
}
