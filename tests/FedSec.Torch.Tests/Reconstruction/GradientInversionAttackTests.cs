using FedSec.Stages;
using FedSec.Torch.Reconstruction;

namespace FedSec.Torch.Tests.Reconstruction;

public class GradientInversionAttackTests
{
    [Theory]
    [InlineData("dlg")]
    [InlineData("idlg")]
    public void ReconstructData_AttackedRound_LeavesUpdatesUntouched(string name)
    {
        using var s = new ReconstructionScenario(SyntheticDigits.One(7, 7), 0.1, modelSeed: 1);
        var before = s.Updates.Select(u => (u.ClientId, u.SampleCount, Weights: (float[])u.Weights.Clone())).ToArray();

        var reports = s.Attack(name, 2).ReconstructData(s.Updates, s.Context());

        Assert.Single(reports);
        Assert.Equal(before.Select(b => b.ClientId), s.Updates.Select(u => u.ClientId));
        Assert.Equal(before.Select(b => b.SampleCount), s.Updates.Select(u => u.SampleCount));
        for (int i = 0; i < before.Length; i++)
        {
            Assert.Equal(before[i].Weights, s.Updates[i].Weights);
        }
    }

    // DLG's claim (Zhu et al. 2019, on their LeNet with sigmoid activations and U(-0.5, 0.5) weights): from the update
    // of a client that took one SGD step on one image, the server recovers the image. Each of the first eight MNIST
    // test digits, a fresh model per digit, the attack's defaults (300 L-BFGS iterations), batch size 1.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void ReconstructData_DlgBatchOneOnMnistDigit_ReachesPsnr30AndTheLabel(int digit)
    {
        var image = MnistDigits.One(digit);
        using var s = new ReconstructionScenario(image, 0.1, modelSeed: 1 + digit);

        var report = Assert.Single(s.Attack("dlg", null).ReconstructData(s.Updates, s.Context()));

        Assert.True(report.Metrics["psnr"] >= 30, $"digit {digit}: PSNR {report.Metrics["psnr"]:F1} dB, gradient distance {report.Metrics["gradient_distance"]:G3}");
        Assert.Equal(image.Labels[0], report.Metrics["recovered_label"]);
    }

    // iDLG's claim (Zhao et al. 2020): with batch size 1 the label is read from the gradient, every time, and the
    // image then follows as in DLG.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void ReconstructData_IdlgBatchOneOnMnistDigit_RecoversTheLabelAndReachesPsnr30(int digit)
    {
        var image = MnistDigits.One(digit);
        using var s = new ReconstructionScenario(image, 0.1, modelSeed: 1 + digit);

        var report = Assert.Single(s.Attack("idlg", null).ReconstructData(s.Updates, s.Context()));

        Assert.Equal(ReconstructionScenario.ClientId, report.ClientId);
        Assert.Equal(image.Labels[0], report.Metrics["recovered_label"]);
        Assert.Equal(1, report.Metrics["label_accuracy"]);
        Assert.True(report.Metrics["psnr"] >= 30, $"digit {digit}: PSNR {report.Metrics["psnr"]:F1} dB, gradient distance {report.Metrics["gradient_distance"]:G3}");
    }

    [Fact]
    public void ReconstructData_RoundNotListed_ReturnsNoReport()
    {
        using var s = new ReconstructionScenario(SyntheticDigits.One(1, 1), 0.1, modelSeed: 1);
        var config = new (string, string)[] { ("attack_iteration_idxs", "0") };
        var attack = s.Attack("dlg", 1, null, config);
        var later = new RoundContext
        {
            Round = 1,
            TotalRounds = 2,
            Global = s.Global,
            Layout = s.Layout,
            SampledClients = [ReconstructionScenario.ClientId],
            MaliciousClients = new HashSet<int>(),
            Seeds = new FedSec.Randomness.SeedStreams(5),
        };
        Assert.Empty(attack.ReconstructData(s.Updates, later));
    }

    [Fact]
    public void ReconstructData_WithOutputDirectory_WritesReconstructionAndOriginalAsPng()
    {
        using var s = new ReconstructionScenario(SyntheticDigits.One(2, 2), 0.1, modelSeed: 1);
        string dir = Path.Combine(Path.GetTempPath(), "fedsec-dlg-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = Assert.Single(s.Attack("idlg", 1).ReconstructData(s.Updates, s.Context(dir)));
            Assert.Equal(
                [Path.Combine("reconstruction", "round0_client3_idlg_reconstructed.png"), Path.Combine("reconstruction", "round0_client3_idlg_original.png")],
                report.Files);
            foreach (var file in report.Files)
            {
                using var decoded = SkiaSharp.SKBitmap.Decode(Path.Combine(dir, file));
                Assert.Equal((28, 28), (decoded.Width, decoded.Height));
            }

            Assert.Equal(PngWriter.Encode(s.ClientData.Image(0), 1, 28, 28), File.ReadAllBytes(Path.Combine(dir, report.Files[1])));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void ReconstructData_NoOutputDirectory_WritesNoFiles()
    {
        using var s = new ReconstructionScenario(SyntheticDigits.One(3, 3), 0.1, modelSeed: 1);
        var report = Assert.Single(s.Attack("idlg", 1).ReconstructData(s.Updates, s.Context()));
        Assert.Empty(report.Files);
    }
}
