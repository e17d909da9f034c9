namespace FedSec.Reporting.Plots;

/// <summary>Originals next to their reconstructions, one pair per row, each image scaled (pixels kept sharp) to <see cref="Tile"/> units.</summary>
internal sealed class ImagePairGrid : IFigure
{
    public const int Tile = 112;
    public const int CaptionWidth = 300;
    public const int Top = 70;
    public const int Margin = 16;
    private const double FontSize = 12;

    private readonly string _title;
    private readonly IReadOnlyList<ImagePair> _pairs;

    public ImagePairGrid(string title, IReadOnlyList<ImagePair> pairs)
    {
        if (pairs.Count == 0)
        {
            throw new ArgumentException($"Figure '{title}' has no images.", nameof(pairs));
        }

        _title = title;
        _pairs = pairs;
    }

    public int Width => (4 * Margin) + CaptionWidth + (2 * Tile);

    public int Height => Top + (_pairs.Count * (Tile + Margin));

    public void Draw(IPlotCanvas canvas)
    {
        canvas.Rectangle(0, 0, Width, Height, PlotColor.White);
        canvas.Text(Width / 2.0, 26, _title, 15, PlotColor.Text, TextAnchor.Middle, bold: true);
        double ox = (2 * Margin) + CaptionWidth, rx = ox + Tile + Margin;
        canvas.Text(ox + (Tile / 2.0), Top - 10, "original", FontSize, PlotColor.Text, TextAnchor.Middle, bold: true);
        canvas.Text(rx + (Tile / 2.0), Top - 10, "reconstructed", FontSize, PlotColor.Text, TextAnchor.Middle, bold: true);
        for (int i = 0; i < _pairs.Count; i++)
        {
            double y = Top + (i * (Tile + Margin));
            var lines = _pairs[i].Caption.Split('\n');
            for (int l = 0; l < lines.Length; l++)
            {
                canvas.Text(Margin, y + 20 + (l * 18), TextFit.Clip(lines[l], FontSize, CaptionWidth), FontSize, PlotColor.Text);
            }

            canvas.Image(ox, y, Tile, Tile, _pairs[i].Original);
            canvas.Image(rx, y, Tile, Tile, _pairs[i].Reconstructed);
            canvas.Rectangle(ox, y, Tile, Tile, PlotColor.White.WithAlpha(0), PlotColor.Grid, 1);
            canvas.Rectangle(rx, y, Tile, Tile, PlotColor.White.WithAlpha(0), PlotColor.Grid, 1);
        }
    }
}
