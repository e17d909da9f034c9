using Grpc.Core;

namespace FedSec.Network.Server;

/// <summary>A join the server refuses, with the sentence the node prints and the gRPC status it travels as.</summary>
internal sealed class JoinRefusedException : Exception
{
    public JoinRefusedException(StatusCode code, string message)
        : base(message)
    {
        Code = code;
    }

    public JoinRefusedException()
    {
    }

    public JoinRefusedException(string message)
        : base(message)
    {
    }

    public JoinRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>The status the refusal is sent with.</summary>
    public StatusCode Code { get; } = StatusCode.FailedPrecondition;
}
