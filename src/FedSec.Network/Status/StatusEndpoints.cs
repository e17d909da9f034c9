using System.Text.Json;
using FedSec.Network.Server;
using FedSec.Output;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace FedSec.Network.Status;

/// <summary>Maps <c>/status.json</c> (the <see cref="FederationStatus"/> snapshot) and <c>/</c> (<see cref="StatusPage"/>) on the server's Kestrel host.</summary>
public static class StatusEndpoints
{
    /// <summary>The JSON status's path.</summary>
    public const string JsonPath = "/status.json";

    /// <summary>Adds both endpoints to <paramref name="routes"/>, served by <paramref name="coordinator"/>.</summary>
    public static void Map(IEndpointRouteBuilder routes, FederationCoordinator coordinator)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(coordinator);
        routes.MapGet(JsonPath, () => Results.Text(JsonSerializer.Serialize(coordinator.Status(), JsonOptions.Indented), "application/json"));
        routes.MapGet("/", () => Results.Text(StatusPage.Html, "text/html; charset=utf-8"));
    }
}
