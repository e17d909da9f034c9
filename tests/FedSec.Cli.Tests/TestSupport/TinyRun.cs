namespace FedSec.Cli.Tests.TestSupport;

/// <summary>The command-line overrides that make the default experiment tiny: one round on 200 training and 100 test samples.</summary>
internal static class TinyRun
{
    public static readonly string[] Overrides =
    [
        "--set", "train_args.comm_round=1",
        "--set", "data_args.train_samples=200",
        "--set", "data_args.test_samples=100",
    ];
}
