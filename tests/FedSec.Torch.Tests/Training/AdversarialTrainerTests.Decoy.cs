using FedSec.Attacks.ThreeDFed;
using FedSec.Data;
using FedSec.Parameters;
using FedSec.Randomness;
using FedSec.Stages;
using FedSec.Torch.Training;

namespace FedSec.Torch.Tests.Training;

public partial class AdversarialTrainerTests
{
    [Fact]
    public void DecoyParameter_HandComputed_TheRankthSmallestBackdoorBenignDifference_TiesToTheLowerIndex_WrappingAround()
    {
        var layout = new ParameterLayout(new[]
        {
            ("conv.weight", (IReadOnlyList<long>)new long[] { 2 }, ParameterKind.Trainable),
            ("fc.weight", (IReadOnlyList<long>)new long[] { 2, 2 }, ParameterKind.Trainable),
        });
        float[] benign = [9f, 9f, 1f, 1f, 1f, 1f];
        float[] backdoor = [9f, 9f, 1.3f, 1.1f, 0.9f, 0.95f]; // |differences| 0.3, 0.1, 0.1, 0.05 at 2, 3, 4, 5
        int Rank(int rank) => AdversarialTrainer.DecoyParameter(benign, backdoor, new DecoyObjective { Rank = rank, Layer = layout["fc.weight"] });

        Assert.Equal(new[] { 5, 3, 4, 2, 5 }, Enumerable.Range(0, 5).Select(Rank));
    }

    [Fact]
    public void ThreeDFed_Decoy_AsAccurateAsTheBenignModel_WhileItsParameterStandsMoreThanTenFromTheBenignValue()
    {
        using var setup = new Setup(pretrain: true);
        var own = Learnable(40, seed: 70);
        var options = Options with { Epochs = 8 };
        var attack = new ThreeDFedAttack(new ThreeDFedOptions { ClientNum = 2, Backdoor = new() { Size = 4, TargetLabel = 7 } });
        var told = new ClientContext { Round = 1, ClientId = 0, Seeds = new SeedStreams(1), Layout = setup.Trainer.Layout, Directive = 0 };
        var objective = attack.ObjectiveFor(own, told)!;
        Assert.NotNull(objective.Decoy);

        // The client's own trainings before its decoy, as it runs them: the benign reference, then the backdoor model.
        var benign = setup.Trainer.Train(own, setup.Global, options, new Random(9), 9).Weights;
        var backdoor = AdversarialTrainer.Train(setup.Trainer, own, setup.Global, options, objective with { Decoy = null }, new Random(9), 9).Weights;
        var decoy = AdversarialTrainer.Train(setup.Trainer, own, setup.Global, options, objective, new Random(9), 9).Weights;
        int p = AdversarialTrainer.DecoyParameter(benign, backdoor, objective.Decoy);

        Assert.True(Math.Abs(decoy[p] - benign[p]) > 10, $"the decoy's parameter moved {decoy[p] - benign[p]} from the benign model's");
        var test = Learnable(60, seed: 80);
        double benignAccuracy = setup.Accuracy(benign, test), decoyAccuracy = setup.Accuracy(decoy, test);
        Assert.True(decoyAccuracy >= benignAccuracy - 0.1, $"the decoy must stay about as accurate as the benign model: {decoyAccuracy} vs {benignAccuracy}");
        var elsewhere = Enumerable.Range(0, decoy.Length).Where(k => k != p).Max(k => Math.Abs(decoy[k] - benign[k]));
        Assert.True(elsewhere < 2, $"only the decoy's parameter stands out ({elsewhere} elsewhere)");
    }

    [Fact]
    public void Train_DecoyForAnotherKind_NamesTheProperty()
    {
        using var setup = new Setup();
        var layer = setup.Trainer.Layout.Entries[0];
        var objective = new AdversarialObjective { Kind = AdversarialTrainingKind.AlternatingMinimization, Malicious = Learnable(2, 1), Decoy = new DecoyObjective { Rank = 0, Layer = layer } };
        var e = Assert.Throws<ArgumentException>(() => AdversarialTrainer.Train(setup.Trainer, Learnable(4, 2), setup.Global, Options, objective, new Random(1), 1));
        Assert.Contains("Decoy is set for AlternatingMinimization", e.Message, StringComparison.Ordinal);
    }
}
