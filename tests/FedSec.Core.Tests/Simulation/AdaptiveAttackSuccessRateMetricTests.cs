using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Simulation.Metrics;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

public sealed class AdaptiveAttackSuccessRateMetricTests
{
    [Fact]
    public void Compute_TriggerChangesBetweenEvaluations_TriggeredSetRebuiltOnlyThenAndTheLatestIsMeasured()
    {
        var attack = new ChangingTrigger();
        var metric = new AdaptiveAttackSuccessRateMetric(attack, FakeBackend.Data(4, 0));
        using var backend = new PredictsFirstLabel();
        var metrics = new Dictionary<string, double>();

        attack.Next(label: 1);
        metric.Compute(new float[4], null!, backend, metrics);
        Assert.Equal(1.0, metrics["attack_success_rate"]);
        metric.Compute(new float[4], null!, backend, metrics);
        Assert.Equal(1, attack.Built);

        // The new trigger makes the model predict class 3, not the target 1: the ASR follows it.
        attack.Next(label: 3);
        metric.Compute(new float[4], null!, backend, metrics);
        Assert.Equal(0.0, metrics["attack_success_rate"]);
        Assert.Equal(2, attack.Built);
    }

    [Fact]
    public void StandardMetrics_AdaptiveBackdoor_GetsTheAdaptiveMetric()
    {
        var setup = TestSetup.Of(new ExperimentConfig { EnableAttack = true }, new ChangingTrigger());

        var metric = Assert.Single(StandardMetrics.For(setup, FakeBackend.Data(4, 0)));

        Assert.IsType<AdaptiveAttackSuccessRateMetric>(metric);
    }

    [Fact]
    public void Run_MaliciousClientsAttack_SeesTheGlobalModelItStartsFrom()
    {
        var attack = new ChangingTrigger();
        var config = new ExperimentConfig { ClientNumInTotal = 3, ClientNumPerRound = 3, CommRound = 2, RandomSeed = 4, EnableAttack = true };
        using var backend = new FakeBackend();
        var experiment = new Experiment(TestSetup.Of(config, attack), backend, new ExperimentData(Enumerable.Range(0, 3).Select(i => FakeBackend.Data(3, i)).ToArray(), FakeBackend.Data(3, 0)));

        var result = experiment.Run();

        Assert.Equal(2, attack.Seen.Count);
        Assert.Equal(backend.InitialWeights(new SeedStreams(4).DeriveInt("model-init")), attack.Seen[0]);
        Assert.NotEqual(attack.Seen[0], attack.Seen[1]);
        Assert.Equal(2, result.Rounds.Count);
    }

    private sealed class ChangingTrigger : IDataPoisoningAttack, IControlsClients, IAdaptiveBackdoorAttack
    {
        private int _label;

        public long TriggerVersion { get; private set; }

        public int TargetLabel => 1;

        public MaliciousClientSpec MaliciousClients => new(1);

        public int Built { get; private set; }

        public List<float[]> Seen { get; } = new();

        public void Next(int label)
        {
            _label = label;
            TriggerVersion++;
        }

        public ImageSet PoisonData(ImageSet data, ClientContext context)
        {
            Seen.Add(context.GlobalModel.ToArray());
            return data;
        }

        public ImageSet TriggeredTestSet(ImageSet cleanTest)
        {
            Built++;
            return FakeBackend.Data(2, _label, classes: 4);
        }
    }

    // Predicts every sample of a set as the set's first label.
    private sealed class PredictsFirstLabel : IModelBackend
    {
        public ParameterLayout Layout { get; } = Fixtures.FlatLayout(4);

        public float[] InitialWeights(int seed) => new float[4];

        public LocalTrainingResult Train(ReadOnlySpan<float> global, IClientDataset data, LocalTrainingSettings settings, Random order, int seed) =>
            throw new NotSupportedException();

        public Evaluation Evaluate(ReadOnlySpan<float> weights, IClientDataset test)
        {
            var set = (ImageSet)test;
            var confusion = new int[set.ClassCount, set.ClassCount];
            for (int i = 0; i < set.Count; i++)
            {
                confusion[set.Labels[i], set.Labels[0]]++;
            }

            return new Evaluation(0, 0, confusion);
        }

        public void Dispose()
        {
        }
    }
}
