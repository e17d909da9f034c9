using FedSec.Parameters;

namespace FedSec.Stages;

/// <summary>
/// 3DFed's decoy model (Li et al., S&amp;P 2023; the authors' <c>decoy_model_design</c>), trained by a malicious client
/// the attacker's side told to (<see cref="ClientContext.Directive"/>) after its benign reference and its backdoor
/// training: of <see cref="Layer"/>'s weights, the one of the <see cref="Rank"/>-th smallest |backdoor update − benign
/// update| (ties to the lower index) is the decoy's parameter p; a fresh model trained from the global model on the
/// client's clean data, with the configured optimizer and epochs, minimises (cross-entropy + L_p) / 2, where
/// L_p = −10·|w_p − b_p| while |w_p − b_p| ≤ <see cref="Threshold"/> and 10⁻¹⁰·|w_p − b_p| beyond, b being the benign
/// reference model: a model as accurate as a benign one whose parameter p stands out, sent instead of the backdoor model.
/// </summary>
public sealed record DecoyObjective
{
    /// <summary>Which decoy of the round this is (0 for the first): the rank of its parameter.</summary>
    public required int Rank { get; init; }

    /// <summary>The layer the decoy's parameter is taken from (3DFed: the output layer's weight).</summary>
    public required ParameterEntry Layer { get; init; }

    /// <summary>How far from the benign model's value the push takes the parameter (the authors' 10).</summary>
    /// <value>The default value is 10.</value>
    public double Threshold { get; init; } = 10;

    /// <summary>Every problem, as sentences naming the property; empty when usable.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Rank < 0)
        {
            problems.Add($"Rank is {Rank}; it must be 0 or more.");
        }

        if (!(Threshold > 0) || !double.IsFinite(Threshold))
        {
            problems.Add($"Threshold is {Threshold}; it must be positive and finite.");
        }

        if (Layer is null || Layer.Length == 0)
        {
            problems.Add("Layer is empty; the decoy's parameter is one of its weights.");
        }

        return problems;
    }
}
