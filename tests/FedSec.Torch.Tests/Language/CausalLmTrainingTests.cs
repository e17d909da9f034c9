using FedSec.Data.Text;
using FedSec.Language.Lora;
using FedSec.Language.Training;
using static TorchSharp.torch;

namespace FedSec.Torch.Tests.Language;

public sealed class CausalLmTrainingTests
{
    private static readonly string[] Groups = ["g"];

    // The sequence 1 2 3 … 8 repeated: every next token is determined by the current one.
    private static TokenSequenceSet Counting(int count) =>
        new(Enumerable.Range(0, count).SelectMany(_ => Enumerable.Range(1, 8)).ToArray(), new int[count], 8, 11, Groups);

    [Fact]
    public void Evaluate_ZeroHead_LossIsLnVocabularyAndPerplexityTheVocabulary()
    {
        using var model = TinyGptNeoX.Create();
        using (no_grad())
        {
            model.named_parameters().First(p => p.name == "embed_out.weight").parameter.zero_();
        }

        var quality = CausalLmEvaluator.Evaluate(model, Counting(3), batchSize: 2);

        Assert.Equal(Math.Log(11), quality.Loss, 5);
        Assert.Equal(11, quality.Perplexity, 4);
        Assert.Equal(3 * 7, quality.Tokens);
    }

    [Fact]
    public void Train_FullFineTuning_LowersTheLossOnPredictableText()
    {
        using var model = TinyGptNeoX.Create();
        var data = Counting(4);
        double before = CausalLmEvaluator.Evaluate(model, data).Loss;

        CausalLmTrainer.Train(model, data, new CausalLmSettings(30, 2, LearningRate: 1e-2), new Random(1), 1);

        Assert.True(CausalLmEvaluator.Evaluate(model, data).Loss < before / 2);
    }

    [Fact]
    public void Train_Lora_ChangesOnlyTheAdapters()
    {
        using var model = TinyGptNeoX.Create();
        LoraAdapters.Attach(model, new LoraOptions { Rank = 2 });
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());

        CausalLmTrainer.Train(model, Counting(4), new CausalLmSettings(3, 2, LearningRate: 1e-2), new Random(1), 1);

        foreach (var (name, p) in model.named_parameters())
        {
            bool changed = !p.allclose(before[name], rtol: 0, atol: 0);
            Assert.True(changed == name.Contains("lora_", StringComparison.Ordinal), $"{name} changed: {changed}");
        }
    }

    [Fact]
    public void Train_SameSeeds_SameModel()
    {
        float[] Trained()
        {
            using var model = TinyGptNeoX.Create();
            LoraAdapters.Attach(model, new LoraOptions { Rank = 2, Dropout = 0.5 }, new Generator(2));
            CausalLmTrainer.Train(model, Counting(5), new CausalLmSettings(4, 2, LearningRate: 1e-2), new Random(3), 4);
            return model.parameters().Where(p => p.requires_grad).SelectMany(p => p.data<float>().ToArray()).ToArray();
        }

        Assert.Equal(Trained(), Trained());
    }
}
