namespace FedSec.Configuration;

/// <summary>The size of an experiment, which components check their parameters against (e.g. Krum's 2f + 2 ≤ n − m).</summary>
/// <param name="TotalClients">Clients in the federation (<c>client_num_in_total</c>).</param>
/// <param name="ClientsPerRound">Clients sampled each round (<c>client_num_per_round</c>): n for the defenses.</param>
/// <param name="Rounds">Number of rounds (<c>comm_round</c>).</param>
public sealed record ExperimentShape(int TotalClients, int ClientsPerRound, int Rounds);
