using FedSec.Data;

namespace FedSec.Fuzz.Targets;

/// <summary>An IDX file (MNIST's format) read as images and as labels. Documented error: <see cref="DataFormatException"/>.</summary>
internal static class IdxTarget
{
    public static void Run(Stream input)
    {
        string path = InputFile.Write(input);
        try
        {
            IdxReader.ReadImages(path);
        }
        catch (DataFormatException)
        {
        }

        try
        {
            IdxReader.ReadLabels(path);
        }
        catch (DataFormatException)
        {
        }
    }
}
