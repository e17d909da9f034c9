namespace FedSec.Reporting.Plots;

/// <summary>Which point of a text its x coordinate names.</summary>
internal enum TextAnchor
{
    Start,
    Middle,
    End,
}
