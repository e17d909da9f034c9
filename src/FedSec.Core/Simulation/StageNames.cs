namespace FedSec.Simulation;

/// <summary>
/// The words the result files, the results database and the messages use for <see cref="DefenseStage"/> and
/// <see cref="DivergenceStage"/> (the same words their JSON has), and back.
/// </summary>
public static class StageNames
{
    /// <summary><c>before</c>, <c>on</c> or <c>after</c>.</summary>
    public static string Word(this DefenseStage stage) => stage switch
    {
        DefenseStage.Before => "before",
        DefenseStage.On => "on",
        DefenseStage.After => "after",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary><c>local training</c> or <c>aggregation</c>.</summary>
    public static string Word(this DivergenceStage stage) => stage switch
    {
        DivergenceStage.LocalTraining => "local training",
        DivergenceStage.Aggregation => "aggregation",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>The divergence stage a stored word names.</summary>
    /// <exception cref="FormatException">The word is none of them.</exception>
    public static DivergenceStage ParseDivergenceStage(string word) => word switch
    {
        "local training" => DivergenceStage.LocalTraining,
        "aggregation" => DivergenceStage.Aggregation,
        _ => throw new FormatException($"'{word}' is not a divergence stage; expected 'local training' or 'aggregation'."),
    };
}
