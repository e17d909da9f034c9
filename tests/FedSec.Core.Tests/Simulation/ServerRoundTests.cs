using FedSec.Aggregation;
using FedSec.Configuration;
using FedSec.Core.Tests.Defenses.Common;
using FedSec.Parameters;
using FedSec.ServerOptimizers;
using FedSec.Simulation;

namespace FedSec.Core.Tests.Simulation;

public sealed class ServerRoundTests
{
    [Fact]
    public void Run_FedAvgInConsecutiveRounds_EachGlobalIsItsRoundsMeanAndStaysSoThroughTheNextRound()
    {
        var server = new ServerRound(new PipelineStages(TestSetup.Of(new ExperimentConfig(), null)), ServerOptimizerFactory.Create(new ExperimentConfig()));
        var rng = new Random(3);
        float[] global = DefenseTestData.Gaussian(rng, 6);
        var results = new List<(float[] Model, float[] Expected)>();
        for (int round = 0; round < 3; round++)
        {
            var updates = Enumerable.Range(0, 4).Select(i => new ClientUpdate(i, 10 + i, DefenseTestData.Gaussian(rng, 6))).ToArray();
            var expected = WeightedMean.Of(updates);
            var model = server.Run(updates, DefenseTestData.Context(global, Enumerable.Range(0, 4), round: round), attackActive: false).Global;

            Assert.Equal(expected, model);
            if (round > 0)
            {
                // Last round's global model (this round's context.Global) is untouched by this round's aggregation.
                Assert.Equal(results[^1].Expected, results[^1].Model);
                Assert.NotSame(results[^1].Model, model);
            }

            results.Add((model, expected));
            global = model;
        }

        Assert.Same(results[0].Model, results[2].Model);
    }
}
