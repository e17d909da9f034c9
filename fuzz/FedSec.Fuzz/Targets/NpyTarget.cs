using FedSec.Data.Npy;

namespace FedSec.Fuzz.Targets;

/// <summary>A <c>.npy</c> file read as an update matrix, a vector and a token matrix. Documented error: <see cref="NpyFormatException"/>.</summary>
internal static class NpyTarget
{
    public static void Run(Stream input)
    {
        string path = InputFile.Write(input);
        Expect(() => NpyFile.ReadFloat32Matrix(path));
        Expect(() => NpyFile.ReadFloat32Vector(path));
        Expect(() => NpyTokenFile.Read(path));
    }

    private static void Expect(Action read)
    {
        try
        {
            read();
        }
        catch (NpyFormatException)
        {
        }
    }
}
