using FedSec.Setup;
using FedSec.Configuration;
using FedSec.Components;

namespace FedSec.Core.Tests.Configuration;

public class ConfigVocabularyTests
{
    [Theory]
    [InlineData("comm_round", "train_args")]
    [InlineData("random_seed", "common_args")]
    [InlineData("attack_mode", "attack_args")]
    [InlineData("byzantine_client_num", "attack_args")]
    [InlineData("krum_param_m", "defense_args")]
    [InlineData("trim_param_b", "defense_args")]
    [InlineData("original_class_list", "attack_args")]
    public void KeyHomes_KnownKey_LivesInItsSection(string key, string section)
    {
        Assert.Equal(section, ConfigVocabulary.KeyHomes(BuiltInComponents.CreateRegistry())[key]);
    }

    [Fact]
    public void KeyHomes_FedMLIgnoredKey_IsNotAHome()
    {
        Assert.False(ConfigVocabulary.KeyHomes(BuiltInComponents.CreateRegistry()).ContainsKey("using_gpu"));
    }

    [Fact]
    public void IgnoredFedMLSections_HoldFedMLInfrastructureSections()
    {
        Assert.Superset(
            new HashSet<string> { "environment_args", "device_args", "comm_args", "tracking_args" },
            ConfigVocabulary.IgnoredFedMLSections.ToHashSet());
        Assert.Empty(ConfigVocabulary.IgnoredFedMLSections.Intersect(ConfigSections.All));
    }
}
