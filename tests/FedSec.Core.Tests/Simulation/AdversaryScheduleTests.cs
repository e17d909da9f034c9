using FedSec.Attacks.ModelReplacement;
using FedSec.Configuration;
using FedSec.Randomness;
using FedSec.Simulation;
using FedSec.Stages;

namespace FedSec.Core.Tests.Simulation;

public sealed class AdversaryScheduleTests
{
    [Fact]
    public void IsActive_ModelReplacementWithTrainingRounds_OnlyInTheRoundsItAttacks()
    {
        // attack_training_rounds [3] inside a window of every round: rounds 0-2 and 4-9 used to count as attacked (the
        // attacker listed as malicious while it sent an honest update), so the backdoor's durability, measured from the
        // last attacked round, had no round after the attack to measure.
        var config = new ExperimentConfig { ClientNumInTotal = 10, ClientNumPerRound = 10, CommRound = 10 };
        var attack = new ModelReplacementAttack(new ModelReplacementOptions { Rounds = new[] { 3 }, ClientNum = 1 });
        var schedule = new AdversarySchedule(config, new SeedStreams(1), attack.MaliciousClients, attack);
        var everyone = Enumerable.Range(0, 10).ToArray();

        Assert.Equal(new[] { 3 }, Enumerable.Range(0, 10).Where(schedule.IsActive));
        Assert.Empty(schedule.MaliciousIn(2, everyone));
        Assert.Equal(schedule.FixedIdentities, schedule.MaliciousIn(3, everyone));
    }

    [Fact]
    public void IsActive_AttackWithoutItsOwnRounds_EveryRoundOfTheWindow()
    {
        var config = new ExperimentConfig { ClientNumInTotal = 10, ClientNumPerRound = 10, CommRound = 10, PoisonStartRoundId = 2, PoisonEndRoundId = 5 };
        var schedule = new AdversarySchedule(config, new SeedStreams(1), new MaliciousClientSpec(1));
        Assert.Equal(new[] { 2, 3, 4, 5 }, Enumerable.Range(0, 10).Where(schedule.IsActive));
    }
}
