using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// A component whose settings only make sense for models of a certain scale (a norm bound, a noise level) and that can
/// tell, from the initial global model, that a run will not learn or will not test what the researcher meant. Its
/// findings are warnings shown before the first round; the run goes ahead.
/// </summary>
public interface IChecksInitialModel
{
    /// <summary>One line per problem (naming the keys to change), or nothing.</summary>
    /// <param name="initialGlobal">The initial global model, flat.</param>
    /// <param name="layout">Its layout.</param>
    /// <param name="totalRounds">Number of rounds of the run.</param>
    IEnumerable<string> CheckInitialModel(ReadOnlySpan<float> initialGlobal, ParameterLayout layout, int totalRounds);
}
