using FedSec.Reporting.Report;
using static FedSec.Reporting.Tests.BackdoorGrid;

namespace FedSec.Reporting.Tests.Report;

/// <summary>
/// <c>fedsec report --control DIR</c>: each backdoor run net of its control run (the same axes with
/// <c>attack_args.trigger_only: true</c>), at the stop and at the end, and the controls themselves; hand-computed.
/// </summary>
public sealed class ControlRunsReportTests
{
    [Fact]
    public void Write_WithControls_NetTableHoldsThePerSeedDifferencesMeanStd_AndTheControlTableEachSeed()
    {
        using var main = new TempDirectory();
        using var control = new TempDirectory();
        Add(main.Path, "backdoor", "none", 0, BackdoorYaml, 0.5, 0.9, 0.6, 0.3);   // 90 % at the stop (round 1), 30 % at round 3
        Add(main.Path, "backdoor", "none", 1, BackdoorYaml, 0.4, 0.7, 0.5, 0.4);   // 70 %, 40 %
        Add(main.Path, "backdoor", "flame", 0, BackdoorYaml, 0.2, 0.4, 0.2, 0.1);  // 40 %, 10 %
        Add(main.Path, "iba", "none", 0, BackdoorYaml, 0.5, 0.9, 0.8, 0.7);        // no control
        Add(control.Path, "backdoor", "none", 0, ControlYaml, 0.05, 0.1, 0.1, 0.05); // 10 %, 5 %
        Add(control.Path, "backdoor", "none", 1, ControlYaml, 0.1, 0.3, 0.2, 0.2);   // 30 %, 20 %

        var warnings = new List<string>();
        ReportWriter.Write(main.Path, warn: warnings.Add, controlDirectory: control.Path);
        string md = File.ReadAllText(Path.Combine(main.Path, "report", "report.md"));
        Assert.DoesNotContain(warnings, w => w.Contains("pairs with a backdoor run", StringComparison.Ordinal));

        // none: seed 0 80 → 25, seed 1 40 → 20 points; flame pairs with the control without a defense: 30 → 5.
        Assert.Contains("| defense | backdoor |", md, StringComparison.Ordinal);
        Assert.Contains("| none | 60.0 ± 28.3 → 22.5 ± 3.5 |", md, StringComparison.Ordinal);
        Assert.Contains("| flame | 30.0 → 5.0 |", md, StringComparison.Ordinal);
        Assert.Contains($"No control run in {control.Path} for: iba (1 run)", md, StringComparison.Ordinal);
        Assert.Contains("| trigger | seed 0 | seed 1 | mean ± std |", md, StringComparison.Ordinal);
        Assert.Contains("| backdoor | 10.0 → 5.0 | 30.0 → 20.0 | 20.0 ± 14.1 → 12.5 ± 10.6 |", md, StringComparison.Ordinal);
        Assert.Contains("→ 2 rounds later", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_AControlAgainstTheSameDefense_IsPreferredToTheOneWithoutADefense()
    {
        using var main = new TempDirectory();
        using var control = new TempDirectory();
        Add(main.Path, "backdoor", "flame", 0, BackdoorYaml, 0.2, 0.4, 0.2, 0.1);
        Add(control.Path, "backdoor", "none", 0, ControlYaml, 0.05, 0.1, 0.1, 0.05);
        Add(control.Path, "backdoor", "flame", 0, ControlYaml, 0.1, 0.2, 0.1, 0.0);

        ReportWriter.Write(main.Path, controlDirectory: control.Path);
        string md = File.ReadAllText(Path.Combine(main.Path, "report", "report.md"));

        Assert.Contains("| flame | 20.0 → 10.0 |", md, StringComparison.Ordinal);
        Assert.Contains("| backdoor × flame | 20.0 → 0.0 | 20.0 → 0.0 |", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ControlDirectoryHoldsARunWithoutTriggerOnly_RefusedNamingTheRunAndTheKey()
    {
        using var main = new TempDirectory();
        using var control = new TempDirectory();
        Add(main.Path, "backdoor", "none", 0, BackdoorYaml, 0.5, 0.9, 0.6, 0.3);
        Add(control.Path, "backdoor", "none", 0, BackdoorYaml, 0.5, 0.9, 0.6, 0.3);

        var e = Assert.Throws<InvalidDataException>(() => ReportWriter.Write(main.Path, controlDirectory: control.Path));

        Assert.Contains($"--control {control.Path}: run 'attack=backdoor defense=none seed=0' does not have attack_args.trigger_only: true", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(main.Path, "report", "report.md")));
    }

    [Fact]
    public void Write_ControlDirectoryWithoutDatabase_RefusedNamingTheFile()
    {
        using var main = new TempDirectory();
        using var control = new TempDirectory();
        Add(main.Path, "backdoor", "none", 0, BackdoorYaml, 0.5, 0.9, 0.6, 0.3);

        var e = Assert.Throws<FileNotFoundException>(() => ReportWriter.Write(main.Path, controlDirectory: control.Path));

        Assert.Contains(Path.Combine(control.Path, "results.db") + " does not exist", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ControlsPairWithNoRun_WarnsAndWritesNoControlTables()
    {
        using var main = new TempDirectory();
        using var control = new TempDirectory();
        Add(main.Path, "backdoor", "none", 0, BackdoorYaml, 0.5, 0.9, 0.6, 0.3);
        Add(control.Path, "backdoor", "none", 7, ControlYaml, 0.05, 0.1, 0.1, 0.05); // another seed
        var warnings = new List<string>();

        ReportWriter.Write(main.Path, warn: warnings.Add, controlDirectory: control.Path);
        string md = File.ReadAllText(Path.Combine(main.Path, "report", "report.md"));

        Assert.Contains(warnings, w => w.StartsWith($"--control {control.Path}: none of its 1 run(s) pairs with a backdoor run", StringComparison.Ordinal));
        Assert.DoesNotContain("Backdoor beyond its trigger", md, StringComparison.Ordinal);
        Assert.DoesNotContain("Each trigger alone", md, StringComparison.Ordinal);
        Assert.Contains("Backdoor durability", md, StringComparison.Ordinal);
    }
}
