namespace FedSec.Privacy.DifferentialPrivacy;

/// <summary>FedML's <c>dp_solution_type</c>: where the clipping and the noise happen.</summary>
public enum DpSolution
{
    /// <summary><c>cdp</c>: central DP-FedAvg, the server clips each update and noises the mean (McMahan et al. 2018).</summary>
    Cdp,

    /// <summary><c>dp_clip</c>: DP-FedAvg with the clipping done by the clients; the server noises the mean.</summary>
    DpClip,

    /// <summary><c>ldp</c>: local DP, each client clips and noises its own update before sending it.</summary>
    Ldp,

    /// <summary><c>nbafl</c>: Wei et al. 2020's NbAFL; not implemented (refused with what to use instead).</summary>
    NbAfl,
}
