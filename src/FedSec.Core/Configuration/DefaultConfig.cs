namespace FedSec.Configuration;

/// <summary>
/// The default experiment (<c>fedsec run</c> with no file): MNIST, the CNN, 10 clients with Dirichlet α = 0.5,
/// a random Byzantine attack on 1 client and m-Krum with m = 5. Embedded in FedSec.Core as <c>default.yaml</c>.
/// </summary>
public static class DefaultConfig
{
    /// <summary>The source name its entries carry (<c>default.yaml:line</c>).</summary>
    public const string SourceName = "default.yaml";

    private const string ResourceName = "FedSec.Configuration.default.yaml";

    private static readonly Lazy<string> Text = new(ReadResource);

    /// <summary>The YAML text, exactly as a FedML user would write it.</summary>
    public static string Yaml => Text.Value;

    /// <summary>A fresh parse of <see cref="Yaml"/>, ready for overrides and <c>Setup.ExperimentBinder.Bind</c>.</summary>
    public static ConfigNamespace Parse() => ConfigReader.Parse(Yaml, SourceName);

    private static string ReadResource()
    {
        using var stream = typeof(DefaultConfig).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from {typeof(DefaultConfig).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
