using FedSec.Components;
using FedSec.Configuration;
using FedSec.Setup;

namespace FedSec.Privacy.Tests.TestSupport;

/// <summary>Binds a YAML configuration with Core's components and the privacy sections.</summary>
internal static class PrivacySetup
{
    public static ComponentRegistry Registry() => PrivacyComponents.Register(BuiltInComponents.CreateRegistry());

    public static ExperimentSetup Bind(string yaml) =>
        ExperimentBinder.Bind(ConfigReader.Parse(yaml, "t.yaml"), Registry(), Array.Empty<string>(), Array.Empty<string>());

    public static ConfigException Fails(string yaml) => Assert.Throws<ConfigException>(() => Bind(yaml));

    /// <summary>A run of <paramref name="clients"/> clients, <paramref name="perRound"/> a round, with the given dp_args lines.</summary>
    public static string Yaml(string dpArgs, int clients = 10, int perRound = 10, int rounds = 1, string extra = "") =>
        $"train_args:\n  client_num_in_total: {clients}\n  client_num_per_round: {perRound}\n  comm_round: {rounds}\ndp_args:\n  enable_dp: true\n{Indent(dpArgs)}{extra}";

    private static string Indent(string lines) =>
        string.Concat(lines.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => "  " + l.Trim() + "\n"));
}
