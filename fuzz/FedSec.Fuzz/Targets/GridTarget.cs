using System.Globalization;
using System.Text;
using FedSec.Configuration;
using FedSec.Results.Grid;
using FedSec.Setup;

namespace FedSec.Fuzz.Targets;

/// <summary>A grid file: YAML parsed by <see cref="ConfigReader"/>, its axes read and expanded by <see cref="GridExpander"/> (each run keyed by its number, not bound). Documented error: <see cref="ConfigException"/>.</summary>
internal static class GridTarget
{
    private static readonly IReadOnlySet<string> ListValuedKeys = ConfigVocabulary.ListValuedKeys(BuiltInComponents.CreateRegistry());

    public static void Run(Stream input)
    {
        string text = Encoding.UTF8.GetString(InputFile.ReadAll(input));
        int run = 0;
        try
        {
            GridExpander.Expand(ConfigReader.Parse(text, "fuzz-grid.yaml"), ListValuedKeys, _ => (run++).ToString(CultureInfo.InvariantCulture));
        }
        catch (ConfigException)
        {
        }
    }
}
