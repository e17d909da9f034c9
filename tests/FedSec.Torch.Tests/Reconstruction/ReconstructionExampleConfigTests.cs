using FedSec.Configuration;
using FedSec.Stages;
using FedSec.Torch.Simulation;

namespace FedSec.Torch.Tests.Reconstruction;

public class ReconstructionExampleConfigTests
{
    [Theory]
    [InlineData("dlg")]
    [InlineData("idlg")]
    public void Example_Binds_WithoutWarningsToAReconstructionAttack(string name)
    {
        var ns = ConfigReader.ParseFile(Path.Combine(RepositoryPaths.Root(), "examples", "attacks", name + ".yaml"));
        var setup = ExperimentFactory.CreateDefault().Bind(ns);

        Assert.Empty(setup.Warnings);
        Assert.Equal(name, setup.Config.AttackType);
        Assert.IsAssignableFrom<IDataReconstructionAttack>(setup.Attack?.Instance);
    }
}
