using FedSec.Attacks.MinMax;
using FedSec.Configuration;
using FedSec.Core.Tests.TestSupport;

namespace FedSec.Core.Tests.Attacks.MinMax;

public class MinMaxOptionsTests
{
    [Fact]
    public void Read_Defaults_StdPerturbationGammaTenTolerance1e5()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args");
        var options = MinMaxOptions.Read(args);
        Assert.Empty(args.Problems);
        Assert.Equal(PerturbationKind.Std, options.Perturbation);
        Assert.Equal(10.0, options.GammaInit);
        Assert.Equal(1e-5, options.Tolerance);
    }

    [Theory]
    [InlineData("min_max", MinMaxObjective.MaxDistance)]
    [InlineData("min_sum", MinMaxObjective.SumOfSquares)]
    public void Registration_Name_SetsTheObjective(string name, MinMaxObjective objective)
    {
        var descriptor = name == "min_max" ? MinMaxRegistration.MinMax : MinMaxRegistration.MinSum;
        var attack = Assert.IsType<MinMaxAttack>(descriptor.Create(Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args")));
        Assert.Equal(objective, attack.Objective);
    }

    [Theory]
    [InlineData("unit_vec", PerturbationKind.UnitVector)]
    [InlineData("sign", PerturbationKind.Sign)]
    [InlineData("STD", PerturbationKind.Std)]
    public void Read_Perturbation_Parsed(string word, PerturbationKind kind)
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("perturbation", word));
        Assert.Equal(kind, MinMaxOptions.Read(args).Perturbation);
    }

    [Fact]
    public void Read_UnknownPerturbation_ReportsChoices()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("perturbation", "unit"));
        MinMaxOptions.Read(args);
        var problem = Assert.Single(args.Problems);
        Assert.Equal("attack_args.perturbation", problem.Key);
        Assert.Contains("unit_vec | sign | std", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ToleranceAboveInit_ReportsTolerance()
    {
        var args = Fixtures.Args(new ExperimentShape(10, 10, 5), "attack_args", ("gamma_init", "0.5"), ("gamma_tolerance", "1"));
        MinMaxOptions.Read(args);
        Assert.Equal("attack_args.gamma_tolerance", Assert.Single(args.Problems).Key);
    }
}
