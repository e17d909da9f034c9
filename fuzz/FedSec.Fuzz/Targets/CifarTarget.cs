using FedSec.Data;

namespace FedSec.Fuzz.Targets;

/// <summary>A CIFAR-10 binary batch, and the same bytes as a CIFAR-100 one. Documented error: <see cref="DataFormatException"/>.</summary>
internal static class CifarTarget
{
    public static void Run(Stream input)
    {
        string path = InputFile.Write(input);
        try
        {
            Cifar10Reader.ReadBatches([path]);
        }
        catch (DataFormatException)
        {
        }

        try
        {
            Cifar100Reader.Read(path);
        }
        catch (DataFormatException)
        {
        }
    }
}
