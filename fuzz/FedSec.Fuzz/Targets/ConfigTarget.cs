using System.Text;
using FedSec.Components;
using FedSec.Configuration;
using FedSec.Setup;

namespace FedSec.Fuzz.Targets;

/// <summary>A configuration file: YAML parsed by <see cref="ConfigReader"/>, then typed and checked by <see cref="ExperimentBinder"/>. Documented error: <see cref="ConfigException"/>.</summary>
internal static class ConfigTarget
{
    private static readonly ComponentRegistry Registry = BuiltInComponents.CreateRegistry();

    public static void Run(Stream input)
    {
        string text = Encoding.UTF8.GetString(InputFile.ReadAll(input));
        try
        {
            ExperimentBinder.Bind(ConfigReader.Parse(text, "fuzz.yaml"), Registry, [], []);
        }
        catch (ConfigException)
        {
        }
    }
}
