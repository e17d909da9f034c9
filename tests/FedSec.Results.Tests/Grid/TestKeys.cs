using FedSec.Configuration;
using FedSec.Results.Grid;
using FedSec.Setup;

namespace FedSec.Results.Tests.Grid;

/// <summary>Run keys of configurations bound against the built-in components (any model and data set name).</summary>
internal static class TestKeys
{
    public static ExperimentSetup Bind(ConfigNamespace config) =>
        ExperimentBinder.Bind(config, BuiltInComponents.CreateRegistry(), Array.Empty<string>(), Array.Empty<string>());

    public static Func<ConfigNamespace, string> Binding { get; } = RunKey.Binding(Bind);

    public static string Of(ConfigNamespace config) => RunKey.Of(Bind(config));
}
