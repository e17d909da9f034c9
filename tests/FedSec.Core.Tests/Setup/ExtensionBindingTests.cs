using FedSec.Components;
using FedSec.Configuration;
using FedSec.Core.Tests.Configuration;
using FedSec.Core.Tests.TestSupport;
using FedSec.Setup;

namespace FedSec.Core.Tests.Setup;

public class ExtensionBindingTests
{
    private static ComponentRegistry Registry(List<string>? log = null, Action<RecordingExtension>? configure = null) =>
        BuiltInComponents.CreateRegistry().Register(RecordingExtension.Descriptor(log ?? new List<string>(), configure));

    private static ExperimentSetup Bind(string yaml, ComponentRegistry registry) =>
        ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), registry, ConfigSamples.Models, ConfigSamples.Datasets);

    [Fact]
    public void Bind_EnabledSection_CreatesItsComponentWithItsSettings()
    {
        var setup = Bind("test_args:\n  enable_test: true\n  test_shift: 2\n", Registry());
        var extension = Assert.Single(setup.Extensions);
        Assert.Equal("test_args", extension.Section);
        Assert.Equal(2.0, ((RecordingExtension)extension.Instance).Shift);
        Assert.Contains(setup.Settings, s => s.Key == "test_args.test_shift" && s.Text == "2" && !s.IsDefault);
    }

    [Fact]
    public void Bind_SectionOff_NoComponentNoSettingsAndAWarning()
    {
        var setup = Bind("test_args:\n  test_shift: 2\n", Registry());
        Assert.Empty(setup.Extensions);
        Assert.DoesNotContain(setup.Settings, s => s.Key.StartsWith("test_args.", StringComparison.Ordinal));
        Assert.Contains(setup.Warnings, w => w.StartsWith("test_args: not enabled", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_UnknownKeyInSection_ReportsItWithASuggestion()
    {
        var e = Assert.Throws<ConfigException>(() => Bind("test_args:\n  enable_test: true\n  test_shfit: 2\n", Registry()));
        var problem = Assert.Single(e.Problems);
        Assert.Equal("test_args.test_shfit", problem.Key);
        Assert.Contains("did you mean 'test_shift'", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_BadValueInSection_ReportsTheKey()
    {
        var e = Assert.Throws<ConfigException>(() => Bind("test_args:\n  enable_test: true\n  test_shift: -1\n", Registry()));
        Assert.Equal("test_args.test_shift", Assert.Single(e.Problems).Key);
    }

    [Fact]
    public void Bind_SectionRulesOutAConfiguredDefense_ReportsItsProblem()
    {
        string yaml = "test_args:\n  enable_test: true\ndefense_args:\n  enable_defense: true\n  defense_type: wise_median\n";
        var e = Assert.Throws<ConfigException>(() => Bind(yaml, Registry(configure: x => x.Forbidden.Add("wise_median"))));
        Assert.Contains(e.Problems, p => p.Key == "test_args.enable_test" && p.Message.StartsWith("cannot run with 'wise_median'", StringComparison.Ordinal));
    }

    [Fact]
    public void ApplyOverride_SectionKey_GoesToItsSection()
    {
        var registry = Registry();
        var config = ConfigReader.Parse("test_args:\n  enable_test: true\n", "t.yaml");
        ConfigReader.ApplyOverride(config, "test_shift=3", ConfigVocabulary.KeyHomes(registry));
        Assert.Equal("test_args", config.Find("test_shift")!.Section);
    }

    [Fact]
    public void Register_SameSectionTwice_Throws()
    {
        var registry = Registry();
        Assert.Throws<InvalidOperationException>(() => registry.Register(RecordingExtension.Descriptor(new List<string>())));
    }
}
