using FedSec.Data;
using FedSec.Data.Leaf;

namespace FedSec.Fuzz.Targets;

/// <summary>One LEAF Shakespeare JSON file (read with System.Text.Json). Documented error: <see cref="DataFormatException"/>.</summary>
internal static class ShakespeareTarget
{
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), $"fedsec-fuzz-shakespeare-{Environment.ProcessId}");

    public static void Run(Stream input)
    {
        System.IO.Directory.CreateDirectory(Directory);
        using (var file = File.Create(Path.Combine(Directory, "train.json")))
        {
            input.CopyTo(file);
        }

        try
        {
            ShakespeareReader.Read(Directory);
        }
        catch (DataFormatException)
        {
        }
    }
}
