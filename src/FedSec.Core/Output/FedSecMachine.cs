using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FedSec.Output;

/// <summary>
/// The machine a run trained on, as far as it changes the numbers: the processor's model, the widest vector
/// instructions it has, and the settings that pin libtorch's or .NET's choice of them
/// (<c>AMD EPYC (family 26 model 2); x64 avx512</c>, with <c>; ATEN_CPU_CAPABILITY=avx2</c> when set). A run
/// records it (<c>summary.json</c>'s <c>machine</c>) as it records its tensor threads: libtorch dispatches its kernels
/// by the processor's vector width and FedSec's own float sums run on .NET's widest vectors, so one build with one
/// seed can end in other last digits on another processor (measured 2026-12-05: 89.00 % against 88.80 % after two
/// rounds of one run, on two machines of one cloud type).
/// </summary>
public static class FedSecMachine
{
    /// <summary>Environment variables that change which vector instructions libtorch, MKL or .NET use.</summary>
    public static readonly IReadOnlyList<string> PinningVariables =
    [
        "ATEN_CPU_CAPABILITY",
        "MKL_CBWR",
        "MKL_ENABLE_INSTRUCTIONS",
        "DOTNET_EnableAVX512F",
        "DOTNET_EnableAVX2",
        "DOTNET_EnableHWIntrinsic",
        "DOTNET_PreferredVectorBitWidth",
    ];

    /// <summary>This machine's description.</summary>
    public static string Current { get; } = Describe(ProcessorModel(), VectorLevel(), Environment.GetEnvironmentVariable);

    /// <summary>
    /// The description of a machine with processor <paramref name="model"/> and vector level <paramref name="vectors"/>,
    /// followed by each of <see cref="PinningVariables"/> that <paramref name="variable"/> says is set.
    /// </summary>
    public static string Describe(string model, string vectors, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(vectors);
        ArgumentNullException.ThrowIfNull(variable);
        var parts = new List<string> { model.Trim().Length == 0 ? "unknown processor" : string.Join(' ', model.Split(' ', StringSplitOptions.RemoveEmptyEntries)), vectors };
        foreach (string name in PinningVariables)
        {
            if (variable(name) is { Length: > 0 } value)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={value}"));
            }
        }

        return string.Join("; ", parts);
    }

    /// <summary>
    /// The processor's model name with its family and model numbers from Linux's <c>/proc/cpuinfo</c>
    /// (<c>AMD EPYC (family 26 model 2)</c>: a cloud machine's name alone can hide the generation), else unknown.
    /// </summary>
    private static string ProcessorModel()
    {
        const string cpuinfo = "/proc/cpuinfo";
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            if (File.Exists(cpuinfo))
            {
                foreach (string line in File.ReadLines(cpuinfo))
                {
                    if (line.Length == 0)
                    {
                        break;
                    }

                    int colon = line.IndexOf(':', StringComparison.Ordinal);
                    if (colon > 0)
                    {
                        fields.TryAdd(line[..colon].Trim(), line[(colon + 1)..].Trim());
                    }
                }
            }
        }
        catch (IOException)
        {
            // An unreadable cpuinfo leaves the processor unknown; the vector level still describes it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }

        string name = fields.GetValueOrDefault("model name") ?? fields.GetValueOrDefault("Hardware") ?? "unknown processor";
        return fields.TryGetValue("cpu family", out var family) && fields.TryGetValue("model", out var model)
            ? $"{name} (family {family} model {model})"
            : name;
    }

    /// <summary>The architecture and its widest vector instructions, as libtorch's dispatch distinguishes them.</summary>
    private static string VectorLevel()
    {
        string arch = RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        string level = Avx512F.IsSupported && Avx512BW.IsSupported && Avx512DQ.IsSupported && Avx512F.VL.IsSupported ? "avx512"
            : Avx2.IsSupported && Fma.IsSupported ? "avx2"
            : Vector128.IsHardwareAccelerated ? "128-bit vectors"
            : "no vectors";
        return $"{arch} {level}";
    }
}
