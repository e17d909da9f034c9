using PureHDF;

namespace FedSec.Testing;

/// <summary>
/// Writes tiny files in TFF's federated EMNIST layout (examples/WRITER/pixels as n×28×28 float32, examples/WRITER/label
/// as n int32) with PureHDF, independently of the reader under test.
/// </summary>
public static class FemnistWriter
{
    /// <summary>One writer's samples: its images are filled with <c>fill</c> (pixel values in [0, 1]), one per label.</summary>
    public sealed record Writer(string Name, int[] Labels, float Fill = 1f);

    /// <summary>Writes <paramref name="writers"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, params Writer[] writers)
    {
        var examples = new H5Group();
        foreach (var w in writers)
        {
            var pixels = new float[w.Labels.Length, 28, 28];
            for (int i = 0; i < w.Labels.Length; i++)
            {
                for (int y = 0; y < 28; y++)
                {
                    for (int x = 0; x < 28; x++)
                    {
                        pixels[i, y, x] = w.Fill;
                    }
                }
            }

            examples[w.Name] = new H5Group { ["pixels"] = pixels, ["label"] = w.Labels };
        }

        new H5File { ["examples"] = examples }.Write(path);
    }

    /// <summary>A train and a test file in <paramref name="directory"/> with <paramref name="writerCount"/> writers (w0000 ...), each with <paramref name="perWriter"/> train and 1 test samples.</summary>
    public static void WriteSplit(string directory, int writerCount, int perWriter = 3)
    {
        Directory.CreateDirectory(directory);
        var train = Enumerable.Range(0, writerCount).Select(w => new Writer($"w{w:D4}", Enumerable.Range(0, perWriter).Select(i => (w + i) % 62).ToArray(), (w + 1f) / (writerCount + 1))).ToArray();
        var test = Enumerable.Range(0, writerCount).Select(w => new Writer($"w{w:D4}", [(w * 7) % 62], 0.5f)).ToArray();
        Write(Path.Combine(directory, "fed_emnist_train.h5"), train);
        Write(Path.Combine(directory, "fed_emnist_test.h5"), test);
    }
}
