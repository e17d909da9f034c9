using System.Diagnostics;
using System.Globalization;
using FedSec.Cli.Console;
using FedSec.Data;
using FedSec.Data.Text;
using FedSec.Fetch;
using FedSec.Language.Pretraining;
using Spectre.Console;
using Spectre.Console.Cli;

namespace FedSec.Cli.Commands.Lm;

/// <summary><c>fedsec lm pretrain</c>: trains a small GPT-NeoX on a corpus and caches it under the data directory, keyed by its options.</summary>
internal sealed class LmPretrainCommand(IAnsiConsole console) : Command<LmPretrainSettings>
{
    /// <summary>The command's help.</summary>
    public const string Description =
        "Pretrains a small GPT-NeoX centrally on a text corpus (Brown by default; fetched when missing) as the base model of federated fine-tuning, "
        + "and caches it in the data directory under lm/<corpus>-<key>/ (config.json, model.safetensors, vocabulary.json, pretrain.json).";

    /// <inheritdoc/>
    public override int Execute(CommandContext context, LmPretrainSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.Config is { } path ? PretrainOptionsReader.Parse(File.ReadAllText(path), path) : new PretrainOptions();
        string dataDir = DataDirectory.Resolve(settings.DataDir);
        string corpus = TextCorpusCatalog.CanonicalName(options.Corpus);
        if (!TextCorpusCatalog.IsPresent(corpus, dataDir))
        {
            FetchProgressView.Run(console, progress => TextCorpusFetcher.FetchAsync(corpus, dataDir, progress, cancellationToken).GetAwaiter().GetResult());
        }

        string corpusDir = TextCorpusCatalog.CorpusDirectory(corpus, dataDir);
        var documents = corpus == TextCorpusCatalog.Brown ? BrownCorpus.Read(corpusDir) : SotuCorpus.Read(corpusDir, SotuGrouping.Era);
        var clock = Stopwatch.StartNew();
        int every = Math.Max(1, options.Steps / 20);
        var result = Pretrainer.Run(options, documents, dataDir, (step, loss) =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            if ((step + 1) % every == 0 || step + 1 == options.Steps)
            {
                console.WriteLine($"step {step + 1}/{options.Steps} loss {loss.ToString("F4", CultureInfo.InvariantCulture)}");
            }
        });
        string Show(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        console.WriteLine(result.Cached ? $"cached: {result.Directory}" : $"model: {result.Directory}");
        console.WriteLine($"train sequences {result.TrainSequences}, test sequences {result.TestSequences}");
        console.WriteLine($"final train loss {Show(result.FinalTrainLoss)}");
        console.WriteLine($"test loss {Show(result.TestLoss)}");
        console.WriteLine($"test perplexity {Show(result.TestPerplexity)}");
        if (!result.Cached)
        {
            console.WriteLine($"wall time {clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
        }

        return ExitCodes.Ok;
    }
}
