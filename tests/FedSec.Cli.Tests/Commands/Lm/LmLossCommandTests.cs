using System.Globalization;
using System.Text;
using FedSec.Cli.Tests.TestSupport;
using FedSec.Language.Checkpoints;
using FedSec.Language.Lora;
using FedSec.Language.Models;
using FedSec.Language.Text;
using static TorchSharp.torch;

namespace FedSec.Cli.Tests.Commands.Lm;

public sealed class LmLossCommandTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    // A tiny checkpoint whose head is zero: every next token has probability 1/5, so the loss is ln 5 and the perplexity 5.
    private string UniformModel()
    {
        var config = new GptNeoXConfig(5, 4, 1, 1, 8, RotaryPercent: 0.5, MaxPositions: 4);
        using var model = new GptNeoX(config);
        using (no_grad())
        {
            model.named_parameters().First(p => p.name == "embed_out.weight").parameter.zero_();
        }

        string dir = Path.Combine(_dir.Path, "model");
        HfCheckpoint.Save(model, dir);
        new CorpusVocabulary([15496, 995, 11, 13]).Save(dir);
        return dir;
    }

    private static void AssertUniform(string output)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(Math.Log(5), double.Parse(lines.Single(l => l.StartsWith("loss ", StringComparison.Ordinal))[5..], CultureInfo.InvariantCulture), 6);
        Assert.Equal(5, double.Parse(lines.Single(l => l.StartsWith("perplexity ", StringComparison.Ordinal))[11..], CultureInfo.InvariantCulture), 5);
    }

    [Fact]
    public void Execute_Int64Tokens_PrintsLossAndPerplexity()
    {
        string model = UniformModel();
        string npy = Path.Combine(_dir.Path, "ids.npy");
        WriteInt64Npy(npy, 2, 6, [0, 1, 2, 3, 4, 0, 4, 3, 2, 1, 0, 1]);

        var (code, output) = CommandLine.Run("lm", "loss", "--model", model, "--tokens", npy);

        Assert.Equal(ExitCodes.Ok, code);
        AssertUniform(output);
    }

    [Fact]
    public void Execute_Text_TokenizesWithTheModelsVocabulary()
    {
        string model = UniformModel();
        string text = Path.Combine(_dir.Path, "t.txt");
        File.WriteAllText(text, "Hello world, Hello world.");

        var (code, output) = CommandLine.Run("lm", "loss", "--model", model, "--text", text);

        Assert.Equal(ExitCodes.Ok, code);
        AssertUniform(output);
    }

    [Fact]
    public void Execute_TokenOutsideVocabulary_Exits4NamingTheFile()
    {
        string model = UniformModel();
        string npy = Path.Combine(_dir.Path, "ids.npy");
        WriteInt64Npy(npy, 1, 2, [0, 7]);

        var (code, output) = CommandLine.Run("lm", "loss", "--model", model, "--tokens", npy);

        Assert.Equal(ExitCodes.Data, code);
        Assert.Contains("ids.npy", output, StringComparison.Ordinal);
        Assert.Contains("token id 7", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_Adapters_GivesTheLossOfTheMergedModel()
    {
        var config = new GptNeoXConfig(5, 4, 1, 1, 8, RotaryPercent: 0.5, MaxPositions: 4) { InitializerRange = 0.5 };
        var options = new LoraOptions { Rank = 2, Dropout = 0 };
        string baseDir = Path.Combine(_dir.Path, "base"), adapters = Path.Combine(_dir.Path, "adapters"), merged = Path.Combine(_dir.Path, "merged");
        using (var model = new GptNeoX(config, new Generator(3)))
        {
            HfCheckpoint.Save(model, baseDir);
            LoraAdapters.Attach(model, options);
            using (no_grad())
            {
                foreach (var (_, p) in model.named_parameters().Where(p => p.name.Contains("lora_B", StringComparison.Ordinal)))
                {
                    p.fill_(0.3);
                }
            }

            LoraAdapterFile.Save(model, options, adapters);
            HfCheckpoint.Save(model, merged);
        }

        string npy = Path.Combine(_dir.Path, "ids.npy");
        WriteInt64Npy(npy, 1, 4, [0, 3, 2, 4]);

        var (code, adapted) = CommandLine.Run("lm", "loss", "--model", baseDir, "--adapters", adapters, "--tokens", npy);
        var (_, plain) = CommandLine.Run("lm", "loss", "--model", baseDir, "--tokens", npy);
        var (_, folded) = CommandLine.Run("lm", "loss", "--model", merged, "--tokens", npy);

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(Loss(folded), Loss(adapted), 5);
        Assert.NotEqual(Loss(plain), Loss(adapted), 3);
    }

    [Fact]
    public void Execute_AdaptersWithoutTheirConfig_Exits4NamingIt()
    {
        string model = UniformModel();
        string adapters = Path.Combine(_dir.Path, "adapter_model.safetensors");
        File.WriteAllText(adapters, "x");
        string npy = Path.Combine(_dir.Path, "ids.npy");
        WriteInt64Npy(npy, 1, 2, [0, 1]);

        var (code, output) = CommandLine.Run("lm", "loss", "--model", model, "--adapters", adapters, "--tokens", npy);

        Assert.Equal(ExitCodes.Data, code);
        Assert.Contains("adapter_config.json", output, StringComparison.Ordinal);
    }

    private static double Loss(string output) =>
        double.Parse(output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("loss ", StringComparison.Ordinal))[5..], CultureInfo.InvariantCulture);

    [Fact]
    public void Execute_BothTextAndTokens_IsAUsageError()
    {
        var (code, output) = CommandLine.Run("lm", "loss", "--model", "m", "--text", "a", "--tokens", "b");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("exactly one of --text FILE and --tokens FILE.npy", output, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();

    private static void WriteInt64Npy(string path, int rows, int cols, long[] values)
    {
        string dict = $"{{'descr': '<i8', 'fortran_order': False, 'shape': ({rows}, {cols}), }}";
        int total = 10 + dict.Length + 1;
        string header = dict + new string(' ', ((total + 63) / 64 * 64) - total) + "\n";
        using var file = File.Create(path);
        file.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0]);
        file.Write(BitConverter.GetBytes((ushort)header.Length));
        file.Write(Encoding.ASCII.GetBytes(header));
        file.Write(values.SelectMany(BitConverter.GetBytes).ToArray());
    }
}
