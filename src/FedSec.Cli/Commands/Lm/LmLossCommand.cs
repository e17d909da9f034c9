using System.Globalization;
using System.Text;
using FedSec.Data;
using FedSec.Data.Npy;
using FedSec.Language.Checkpoints;
using FedSec.Language.Lora;
using FedSec.Language.Training;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Lm;

/// <summary><c>fedsec lm loss</c>: a checkpoint's mean next-token cross-entropy and perplexity on a text or on token ids.</summary>
internal sealed class LmLossCommand(IAnsiConsole console) : Command<LmLossSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Prints 'loss L' (mean next-token cross-entropy, nats) and 'perplexity P' of a GPT-NeoX checkpoint (with LoRA adapters if given) on a text or on token ids "
        + "(rows longer than max_position_embeddings are cut into windows of that length).";

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <inheritdoc/>
    public override int Execute(CommandContext context, LmLossSettings settings, CancellationToken cancellationToken)
    {
        using var model = LanguageModelDirectory.LoadModel(settings.Model!);
        if (settings.Adapters is { } adapters)
        {
            LoraAdapterFile.Load(model, adapters);
        }

        int[][] rows;
        if (settings.Tokens is { } npy)
        {
            rows = NpyTokenFile.Read(npy);
        }
        else
        {
            var tokenizer = LanguageModelDirectory.LoadTokenizer(settings.Model!, model.Config);
            rows = [tokenizer.Encode(ReadText(settings.Text!))];
        }

        LanguageModelQuality quality;
        try
        {
            quality = TokenRowsQuality.Evaluate(model, rows);
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException(settings.Tokens ?? settings.Text!, e.Message);
        }

        console.WriteLine($"loss {quality.Loss.ToString("R", CultureInfo.InvariantCulture)}");
        console.WriteLine($"perplexity {quality.Perplexity.ToString("R", CultureInfo.InvariantCulture)}");
        return ExitCodes.Ok;
    }

    private static string ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path, StrictUtf8);
        }
        catch (DecoderFallbackException e)
        {
            throw new DataFormatException(path, $"it is not valid UTF-8 text ({e.Message}).");
        }
    }
}
