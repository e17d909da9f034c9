namespace FedSec.Simulation;

/// <summary>A language-model backend that can continue prompts greedily (for the text backdoor's attack success rate).</summary>
public interface IGreedyDecoder
{
    /// <summary>
    /// Loads <paramref name="weights"/> and, for each prompt, appends the most likely next token (argmax of the last
    /// position's logits; the lowest id on ties) <paramref name="tokens"/> times; returns the appended tokens only.
    /// </summary>
    int[][] GreedyContinuations(float[] weights, IReadOnlyList<int[]> prompts, int tokens);
}
