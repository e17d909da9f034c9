using FedSec.Cli.Commands.Listing;

namespace FedSec.Cli.Tests.Commands.Listing;

public sealed class ListSettingsTests
{
    [Fact]
    public void Wanted_NoTopic_EveryTopicInOrder() =>
        Assert.Equal(["attacks", "defenses", "sections", "models", "datasets", "keys"], new ListSettings().Wanted);

    [Fact]
    public void Wanted_Topics_ThoseInTheOrderGiven() =>
        Assert.Equal(["keys", "models"], new ListSettings { Topics = ["keys", "models"] }.Wanted);

    [Fact]
    public void Validate_UnknownTopic_FailsNamingItAndTheTopics()
    {
        var result = new ListSettings { Topics = ["models", "gadgets"] }.Validate();

        Assert.Equal("'gadgets' is not something fedsec lists; choose from attacks, defenses, sections, models, datasets, keys.", result.Message);
    }
}
