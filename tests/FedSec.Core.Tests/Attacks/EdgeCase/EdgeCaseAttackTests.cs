using FedSec.Attacks.EdgeCase;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Data;

namespace FedSec.Core.Tests.Attacks.EdgeCase;

public class EdgeCaseAttackTests
{
    // Ten 1×1×2 images: sevens at even indices, the one at index 6 far from the others; ones at odd indices.
    private static ImageSet Data()
    {
        var pixels = new float[20];
        var labels = new int[10];
        for (int i = 0; i < 10; i++)
        {
            labels[i] = i % 2 == 0 ? 7 : 1;
            pixels[2 * i] = i == 6 ? 1f : 0.1f * i;
            pixels[(2 * i) + 1] = i == 6 ? 1f : 0f;
        }

        return new ImageSet(pixels, labels, 1, 1, 2, 10);
    }

    [Fact]
    public void PoisonData_RelabelsOnlyTheSourceClassTailToTheTarget()
    {
        var attack = new EdgeCaseAttack(new EdgeCaseOptions { Tail = 0.2 });
        var data = Data();
        var before = data.Clone();

        attack.PoisonData(data, AttackFixtures.Client(0));

        // One of the five sevens (20 %), the outlier at index 6, becomes a one; pixels and every other label stay.
        Assert.Equal(before.Pixels, data.Pixels);
        Assert.Equal(1, data.Labels[6]);
        Assert.Equal(before.Labels.Where((_, i) => i != 6), data.Labels.Where((_, i) => i != 6));
    }

    [Fact]
    public void TriggeredTestSet_TheTestTailWithTrueLabels()
    {
        var attack = new EdgeCaseAttack(new EdgeCaseOptions { Tail = 0.2 });
        var test = Data();

        var edge = attack.TriggeredTestSet(test);

        Assert.Equal(1, edge.Count);
        Assert.Equal(7, edge.Labels[0]);
        Assert.Equal(test.Image(6).ToArray(), edge.Image(0).ToArray());
        Assert.Equal(7, test.Labels[6]);
        Assert.Equal(1, attack.TargetLabel);
    }

    [Fact]
    public void ConstraintFor_ProjectsIntoTheConfiguredBallAtTheConfiguredInterval()
    {
        var attack = new EdgeCaseAttack(new EdgeCaseOptions { Epsilon = 0.5, ProjectFrequency = 3 });
        var constraint = attack.ConstraintFor(AttackFixtures.Client(0));

        var weights = new[] { 3f, 4f };
        constraint.Apply(weights, new float[2], Fixtures.FlatLayout(2));

        Assert.Equal(3, constraint.StepInterval);
        Assert.Equal(0.3f, weights[0], 1e-6f);
        Assert.Equal(0.4f, weights[1], 1e-6f);
    }

    [Theory]
    [InlineData(10, 1, "attack_args.edge_case_source_label")]
    [InlineData(7, 12, "attack_args.target_label")]
    public void PoisonData_ClassOutsideTheDataSet_ConfigErrorNamesTheKey(int source, int target, string key)
    {
        var attack = new EdgeCaseAttack(new EdgeCaseOptions { SourceLabel = source, TargetLabel = target });
        var e = Assert.Throws<ConfigException>(() => attack.PoisonData(Data(), AttackFixtures.Client(0)));
        Assert.Equal(key, e.Problems.Single().Key);
    }
}
