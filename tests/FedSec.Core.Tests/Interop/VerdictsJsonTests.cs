using System.Text.Json;
using FedSec.Interop;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Interop;

public sealed class VerdictsJsonTests
{
    [Fact]
    public void Serialize_Reports_WritesNameStageAndEachClientsKindWeightScore()
    {
        var reports = new[]
        {
            new DefenseRoundReport("krum", DefenseStage.Before, new[]
            {
                new ClientVerdict(0, VerdictKind.Kept, 1.0, 2.5),
                new ClientVerdict(1, VerdictKind.Removed, 0.0, double.PositiveInfinity),
                new ClientVerdict(2, VerdictKind.Reweighted, 0.25),
            }, DetectionCounts.Zero),
            new DefenseRoundReport("weak_dp", DefenseStage.After, Array.Empty<ClientVerdict>(), DetectionCounts.Zero),
        };

        using var doc = JsonDocument.Parse(VerdictsJson.Serialize(reports));

        var defenses = doc.RootElement.GetProperty("defenses");
        Assert.Equal(2, defenses.GetArrayLength());
        var krum = defenses[0];
        Assert.Equal("krum", krum.GetProperty("name").GetString());
        Assert.Equal("before", krum.GetProperty("stage").GetString());
        var v = krum.GetProperty("verdicts");
        Assert.Equal(0, v[0].GetProperty("client").GetInt32());
        Assert.Equal("kept", v[0].GetProperty("kind").GetString());
        Assert.Equal(1.0, v[0].GetProperty("weight").GetDouble());
        Assert.Equal(2.5, v[0].GetProperty("score").GetDouble());
        Assert.Equal("removed", v[1].GetProperty("kind").GetString());
        Assert.Equal("Infinity", v[1].GetProperty("score").GetString());
        Assert.Equal("reweighted", v[2].GetProperty("kind").GetString());
        Assert.Equal(0.25, v[2].GetProperty("weight").GetDouble());
        Assert.Equal(JsonValueKind.Null, v[2].GetProperty("score").ValueKind);
        Assert.Equal("after", defenses[1].GetProperty("stage").GetString());
        Assert.Equal(0, defenses[1].GetProperty("verdicts").GetArrayLength());
    }
}
