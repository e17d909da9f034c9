using FedSec.Cli.Commands.Aggregate;

namespace FedSec.Cli.Tests.Commands.Aggregate;

public sealed class AggregateSettingsTests
{
    [Fact]
    public void Validate_NothingGiven_NamesEveryMissingOption()
    {
        var result = new AggregateSettings().Validate();

        Assert.False(result.Successful);
        Assert.Contains("--defense NAME", result.Message, StringComparison.Ordinal);
        Assert.Contains("--input updates.npy", result.Message, StringComparison.Ordinal);
        Assert.Contains("--output result.npy", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeedNotANumber_FailsNamingSeed()
    {
        var result = new AggregateSettings { Defenses = ["krum"], Input = "u.npy", Output = "r.npy", SeedText = "abc" }.Validate();

        Assert.Equal("--seed expects a whole number, not 'abc'.", result.Message);
    }

    [Fact]
    public void Validate_Complete_Succeeds() =>
        Assert.True(new AggregateSettings { Defenses = ["krum"], Input = "u.npy", Output = "r.npy", SeedText = "-4" }.Validate().Successful);

    [Fact]
    public void Seed_Absent_Zero() => Assert.Equal(0, new AggregateSettings().Seed);
}
