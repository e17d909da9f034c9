namespace FedSec.Stages;

/// <summary>An attack that controls some clients (model and data poisoning); passive observers do not implement it.</summary>
public interface IControlsClients
{
    /// <summary>Which clients the attack controls.</summary>
    MaliciousClientSpec MaliciousClients { get; }
}
