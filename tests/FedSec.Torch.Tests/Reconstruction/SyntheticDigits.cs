using FedSec.Data;

namespace FedSec.Torch.Tests.Reconstruction;

/// <summary>MNIST-shaped (1×28×28) digit-like images drawn as anti-aliased strokes, for reconstruction tests.</summary>
internal static class SyntheticDigits
{
    // Each "digit" is a polyline (x, y pairs in 0..27) drawn with a pen of radius ~1.5 px.
    private static readonly float[][][] Strokes =
    {
        new[] { Ring(14, 14, 5, 8) },                                                     // 0
        new[] { new float[] { 13, 5, 15, 4, 15, 23 }, new float[] { 11, 23, 19, 23 } },   // 1
        new[] { new float[] { 8, 8, 12, 5, 18, 6, 19, 10, 9, 22, 20, 22 } },              // 2
        new[] { new float[] { 8, 6, 19, 6, 14, 13, 19, 17, 16, 22, 8, 21 } },             // 3
        new[] { new float[] { 16, 4, 7, 17, 21, 17 }, new float[] { 16, 4, 16, 24 } },    // 4
        new[] { new float[] { 19, 5, 9, 5, 8, 13, 16, 12, 19, 17, 15, 22, 8, 21 } },      // 5
        new[] { new float[] { 18, 5, 11, 10, 8, 18, 12, 22, 18, 19, 16, 14, 9, 16 } },    // 6
        new[] { new float[] { 7, 6, 20, 6, 12, 24 } },                                    // 7
    };

    /// <summary>Number of distinct digits available.</summary>
    public static int Kinds => Strokes.Length;

    /// <summary>One image of digit-like shape <paramref name="kind"/> with label <paramref name="label"/>, pixels in [0, 1].</summary>
    public static ImageSet One(int kind, int label)
    {
        var pixels = Draw(Strokes[kind]);
        return new ImageSet(pixels, [label], 1, 28, 28, 10);
    }

    private static float[] Draw(float[][] polylines)
    {
        var pixels = new float[28 * 28];
        for (int y = 0; y < 28; y++)
        {
            for (int x = 0; x < 28; x++)
            {
                double d = double.PositiveInfinity;
                foreach (var line in polylines)
                {
                    for (int i = 0; i + 3 < line.Length; i += 2)
                    {
                        d = Math.Min(d, SegmentDistance(x, y, line[i], line[i + 1], line[i + 2], line[i + 3]));
                    }
                }

                // Full ink within 1 px of the stroke, fading to paper by 2 px, like a scanned pen stroke.
                pixels[(y * 28) + x] = (float)Math.Clamp(2.0 - d, 0, 1);
            }
        }

        return pixels;
    }

    private static double SegmentDistance(double px, double py, double ax, double ay, double bx, double by)
    {
        double vx = bx - ax, vy = by - ay;
        double t = Math.Clamp((((px - ax) * vx) + ((py - ay) * vy)) / ((vx * vx) + (vy * vy)), 0, 1);
        double dx = px - (ax + (t * vx)), dy = py - (ay + (t * vy));
        return Math.Sqrt((dx * dx) + (dy * dy));
    }

    private static float[] Ring(float cx, float cy, float rx, float ry)
    {
        var points = new List<float>();
        for (int i = 0; i <= 24; i++)
        {
            double a = 2 * Math.PI * i / 24;
            points.Add(cx + (float)(rx * Math.Cos(a)));
            points.Add(cy + (float)(ry * Math.Sin(a)));
        }

        return points.ToArray();
    }
}
