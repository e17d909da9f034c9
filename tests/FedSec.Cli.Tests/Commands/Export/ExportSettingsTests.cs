using FedSec.Cli.Commands.Export;

namespace FedSec.Cli.Tests.Commands.Export;

public sealed class ExportSettingsTests
{
    [Fact]
    public void Format_Default_Csv() => Assert.Equal("Csv", new ExportSettings().Format.ToString());

    [Fact]
    public void Format_Parquet_Parquet() => Assert.Equal("Parquet", new ExportSettings { FormatName = "parquet" }.Format.ToString());

    [Fact]
    public void Validate_UnknownFormat_FailsNamingItAndTheFormats() =>
        Assert.Equal("--format expects csv or parquet, not 'xlsx'.", new ExportSettings { FormatName = "xlsx" }.Validate().Message);
}
