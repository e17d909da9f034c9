using FedSec.Attacks.TextBackdoor;
using FedSec.Core.Tests.Attacks.TextBackdoor;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Simulation;
using FedSec.Simulation.Metrics;

namespace FedSec.Core.Tests.Simulation;

public sealed class TextAttackSuccessRateMetricTests
{
    [Fact]
    public void Compute_ShareOfPromptsWhoseWholeContinuationIsTheTarget()
    {
        var attack = new TextBackdoorAttack(new TextBackdoorOptions { Trigger = "t", Target = "c", PromptLength = 2, TestPrompts = 4 });
        attack.UseTokens([900], [901, 902]);
        // Prompt i is (8i, 8i + 1, 900): the stub answers the target for i = 0 and 2, only its first token for i = 1,
        // and something else for i = 3; the fifth test sequence is beyond test_prompts.
        using var backend = new ScriptedDecoder(p => p[0] switch
        {
            0 or 16 => [901, 902],
            8 => [901, 5],
            _ => [3, 4],
        });
        var metric = new TextAttackSuccessRateMetric(attack, TextBackdoorPoisonerTests.Numbered(5));
        var metrics = new Dictionary<string, double>();

        metric.Compute([1f], new Evaluation(0, 0, new int[0, 0]), backend, metrics);

        Assert.Equal(0.5, metrics["attack_success_rate"]);
        Assert.Equal(new[] { new[] { 0, 1, 900 }, [8, 9, 900], [16, 17, 900], [24, 25, 900] }, backend.Prompts);
        Assert.Equal(2, backend.Tokens);
    }

    [Fact]
    public void Compute_BackendWithoutDecoding_SaysSo()
    {
        var attack = new TextBackdoorAttack(new TextBackdoorOptions { Trigger = "t", Target = "c" });
        attack.UseTokens([1], [2]);
        var metric = new TextAttackSuccessRateMetric(attack, TextBackdoorPoisonerTests.Numbered(1));
        using var backend = new FakeBackend();

        var e = Assert.Throws<InvalidOperationException>(() => metric.Compute([1f], new Evaluation(0, 0, new int[0, 0]), backend, new Dictionary<string, double>()));

        Assert.Contains("decodes greedily", e.Message, StringComparison.Ordinal);
    }

    private sealed class ScriptedDecoder(Func<int[], int[]> answer) : IModelBackend, IGreedyDecoder
    {
        public IReadOnlyList<int[]> Prompts { get; private set; } = [];

        public int Tokens { get; private set; }

        public ParameterLayout Layout { get; } = Fixtures.FlatLayout(1);

        public float[] InitialWeights(int seed) => [0f];

        public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed) => throw new NotSupportedException();

        public Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test) => throw new NotSupportedException();

        public int[][] GreedyContinuations(float[] weights, IReadOnlyList<int[]> prompts, int tokens)
        {
            Prompts = prompts;
            Tokens = tokens;
            return prompts.Select(answer).ToArray();
        }

        public void Dispose()
        {
        }
    }
}
