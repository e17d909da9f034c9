namespace FedSec.Reporting.Plots;

/// <summary>A figure of fixed size that draws itself on a canvas.</summary>
internal interface IFigure
{
    int Width { get; }

    int Height { get; }

    void Draw(IPlotCanvas canvas);
}
