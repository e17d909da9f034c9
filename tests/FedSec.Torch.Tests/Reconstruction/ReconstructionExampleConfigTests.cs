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
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "FedSec.slnx")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var ns = ConfigReader.ParseFile(Path.Combine(dir.FullName, "examples", "attacks", name + ".yaml"));
        var setup = ExperimentFactory.CreateDefault().Bind(ns);

        Assert.Empty(setup.Warnings);
        Assert.Equal(name, setup.Config.AttackType);
        Assert.IsAssignableFrom<IDataReconstructionAttack>(setup.Attack);
    }
}
