namespace FedSec.Data;

/// <summary>Images read from a federated file, with the client each belongs to.</summary>
/// <param name="Images">Every image read, client after client.</param>
/// <param name="Clients">Which images are whose.</param>
public sealed record ImagesByClient(ImageSet Images, NaturalClients Clients);
