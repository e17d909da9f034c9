using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace FedSec.Language.Pretraining;

/// <summary>Reads <see cref="PretrainOptions"/> from a flat YAML mapping (<c>corpus: brown</c>, <c>steps: 1500</c>, ...); an unknown key or a bad value is an error naming it.</summary>
public static class PretrainOptionsReader
{
    /// <summary>The keys, in the order <c>fedsec lm pretrain --help</c> lists them.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "corpus", "vocabulary_size", "sequence_length", "hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
        "rotary_pct", "steps", "batch_size", "learning_rate", "test_fraction", "random_seed",
    ];

    /// <summary>Reads the YAML text <paramref name="yaml"/>; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="LanguageModelException">A key is unknown, a value malformed, or the options invalid; every problem is listed.</exception>
    public static PretrainOptions Parse(string yaml, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new LanguageModelException(source, $"it is not valid YAML ({e.Message}).", e);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            // YamlDotNet 18.1 throws these instead of a YamlException for some malformed input (found by fuzz/ in the
            // config reader, which reads YAML the same way).
            throw new LanguageModelException(source, $"it is not valid YAML ({e.Message}).", e);
        }

        var options = new PretrainOptions();
        var problems = new List<string>();
        if (stream.Documents.Count > 0 && stream.Documents[0].RootNode is not YamlMappingNode)
        {
            throw new LanguageModelException(source, "it is not a YAML mapping of keys to values.");
        }

        var root = stream.Documents.Count > 0 ? (YamlMappingNode)stream.Documents[0].RootNode : new YamlMappingNode();
        foreach (var (keyNode, valueNode) in root.Children)
        {
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                problems.Add($"a key is not a plain name (line {keyNode.Start.Line}); the keys are {string.Join(", ", Keys)}.");
                continue;
            }

            if (valueNode is not YamlScalarNode { Value: var scalar })
            {
                problems.Add($"{key} is a list or a mapping (line {valueNode.Start.Line}); it takes a single value.");
                continue;
            }

            string value = scalar ?? string.Empty;
            int Int()
            {
                if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out int i))
                {
                    return i;
                }

                problems.Add($"{key} is '{value}'; it must be an integer.");
                return 0;
            }

            double Real()
            {
                if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double d))
                {
                    return d;
                }

                problems.Add($"{key} is '{value}'; it must be a number.");
                return double.NaN;
            }

            options = key switch
            {
                "corpus" => options with { Corpus = value },
                "vocabulary_size" => options with { VocabularySize = Int() },
                "sequence_length" => options with { SequenceLength = Int() },
                "hidden_size" => options with { HiddenSize = Int() },
                "num_hidden_layers" => options with { LayerCount = Int() },
                "num_attention_heads" => options with { HeadCount = Int() },
                "intermediate_size" => options with { IntermediateSize = Int() },
                "rotary_pct" => options with { RotaryPercent = Real() },
                "steps" => options with { Steps = Int() },
                "batch_size" => options with { BatchSize = Int() },
                "learning_rate" => options with { LearningRate = Real() },
                "test_fraction" => options with { TestFraction = Real() },
                "random_seed" => options with { Seed = Int() },
                _ => Unknown(key, options, problems),
            };
        }

        if (problems.Count == 0)
        {
            problems.AddRange(options.Problems());
        }

        return problems.Count == 0 ? options : throw new LanguageModelException(source, string.Join(" ", problems));
    }

    private static PretrainOptions Unknown(string key, PretrainOptions options, List<string> problems)
    {
        problems.Add($"'{key}' is not a pretraining key; the keys are {string.Join(", ", Keys)}.");
        return options;
    }
}
