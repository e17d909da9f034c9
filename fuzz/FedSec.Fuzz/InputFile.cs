namespace FedSec.Fuzz;

/// <summary>The readers that take a path get afl's input through one temporary file per process, rewritten per input.</summary>
internal static class InputFile
{
    private static readonly string PathName = Path.Combine(Path.GetTempPath(), $"fedsec-fuzz-{Environment.ProcessId}.bin");

    public static string Write(Stream input)
    {
        using (var file = File.Create(PathName))
        {
            input.CopyTo(file);
        }

        return PathName;
    }

    public static byte[] ReadAll(Stream input)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return buffer.ToArray();
    }
}
