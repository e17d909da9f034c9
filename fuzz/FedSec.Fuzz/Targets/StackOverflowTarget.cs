using FedSec.Data;
using FedSec.Data.StackOverflow;

namespace FedSec.Fuzz.Targets;

/// <summary>
/// TFF's StackOverflow HDF5 file (read with PureHDF), with fixed tiny word and tag dictionaries. Documented error:
/// <see cref="DataFormatException"/>.
/// </summary>
internal static class StackOverflowTarget
{
    private static readonly Lazy<StackOverflowDictionaries> Dictionaries = new(() =>
    {
        string dir = Path.Combine(Path.GetTempPath(), $"fedsec-fuzz-stackoverflow-{Environment.ProcessId}");
        Directory.CreateDirectory(dir);
        File.WriteAllLines(Path.Combine(dir, StackOverflowDictionaries.WordCountFileName), ["the 5", "a 4", "c# 3"]);
        File.WriteAllText(Path.Combine(dir, StackOverflowDictionaries.TagCountFileName), "{\"c#\": 2, \"java\": 1}");
        return StackOverflowDictionaries.Read(dir, 3, 2);
    });

    public static void Run(Stream input)
    {
        string path = InputFile.Write(input);
        try
        {
            StackOverflowLrReader.Read(path, Dictionaries.Value);
        }
        catch (DataFormatException)
        {
        }
    }
}
