using FedSec.Data;

namespace FedSec.Fuzz.Targets;

/// <summary>TFF's federated EMNIST HDF5 file (read with PureHDF). Documented error: <see cref="DataFormatException"/>.</summary>
internal static class FemnistTarget
{
    public static void Run(Stream input)
    {
        string path = InputFile.Write(input);
        try
        {
            FemnistReader.Read(path);
        }
        catch (DataFormatException)
        {
        }
    }
}
