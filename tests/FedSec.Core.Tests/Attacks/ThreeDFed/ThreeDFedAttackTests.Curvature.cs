using FedSec.Attacks.ThreeDFed;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Attacks.ThreeDFed;

/// <summary>The indicators' curvature filter: the clients' curvatures steer where the indicators go.</summary>
public partial class ThreeDFedAttackTests
{
    // The convolution (positions 0-7) is the indicator layer; every attacker moves each of its weights a little. The
    // attackers find the loss flat at 4-7 only (client c reports curvature c + 1 at 0-3, each client's vector summed).
    private static float[] CurvatureOf(int client) => [client + 1, client + 1, client + 1, client + 1, 0f, 0f, 0f, 0f];

    [Fact]
    public void ObjectiveFor_WithTheLayout_AsksForTheIndicatorLayersCurvature()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var objective = attack.ObjectiveFor(AttackFixtures.Images(3), ClientWithLayout(0));

        Assert.Equal("conv.weight", objective.CurvatureLayer?.Name);
        Assert.NotNull(objective.ReceiveCurvature);
        Assert.Null(attack.ObjectiveFor(AttackFixtures.Images(3), AttackFixtures.Client(0)).CurvatureLayer);
    }

    [Fact]
    public void AttackModel_ClientsReportedCurvature_IndicatorsGoWhereTheLossIsFlat()
    {
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        Report(attack);
        var g = new float[Layout.Length];
        var updates = Updates(g, 0);
        var context = Context(g, updates, 0);

        var sent = attack.AttackModel(updates, context);

        Assert.Equal([4, 5, 6, 7], IndicatorPositions(updates, sent));
        Assert.Equal(4, context.Metrics["3dfed_curvature_clients"]);
    }

    [Fact]
    public void AttackModel_NoCurvature_IndicatorsAtTheQuietestCoordinates()
    {
        // Without the filter the four quietest of the eight convolution weights are taken; the data of Updates (seed 100)
        // puts some of them at 0-3, so the curvature made a difference in the test above.
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        var g = new float[Layout.Length];
        var updates = Updates(g, 0);
        var context = Context(g, updates, 0);

        var positions = IndicatorPositions(updates, attack.AttackModel(updates, context));

        Assert.Contains(positions, p => p < 4);
        Assert.Equal(0, context.Metrics["3dfed_curvature_clients"]);
    }

    [Fact]
    public void AttackModel_FindingsFromTheAttackersNode_SameModelsAsOneInstance()
    {
        // A distributed run: the node's instance trains (records the curvatures), the server's attacks; the node's
        // findings reach the server through AttackStateTransfer.
        var single = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        Report(single);
        var node = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        Report(node);
        var server = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 4 });
        foreach (int client in Malicious)
        {
            Assert.Null(AttackStateTransfer.TryImport(server, AttackStateTransfer.Export(node, client)!));
        }
        var g = new float[Layout.Length];
        var updates = Updates(g, 0);

        var expected = single.AttackModel(updates, Context(g, updates, 0));
        var actual = server.AttackModel(updates, Context(g, updates, 0));

        Assert.Equal(expected.SelectMany(u => u.Weights), actual.SelectMany(u => u.Weights));
    }

    private static void Report(ThreeDFedAttack attack)
    {
        foreach (int client in Malicious)
        {
            attack.ObjectiveFor(AttackFixtures.Images(3), ClientWithLayout(client)).ReceiveCurvature!(CurvatureOf(client));
        }
    }

    // The convolution coordinates each sent model changed besides its update (its indicator), in client order.
    private static int[] IndicatorPositions(IReadOnlyList<ClientUpdate> updates, IReadOnlyList<ClientUpdate> sent) =>
        Malicious.Select(c => Enumerable.Range(0, 8).Single(p => sent[c].Weights[p] != updates[c].Weights[p])).Order().ToArray();

    private static ClientContext ClientWithLayout(int id) => new()
    {
        Round = 0,
        ClientId = id,
        Seeds = new SeedStreams(1),
        MaliciousClients = new HashSet<int>(Malicious),
        Layout = Layout,
    };
}
