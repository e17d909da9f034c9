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
}
