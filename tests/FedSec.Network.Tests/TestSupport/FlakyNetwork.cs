using Grpc.Core;
using Grpc.Core.Interceptors;

namespace FedSec.Network.Tests.TestSupport;

/// <summary>
/// Makes every other call of the named methods fail with <see cref="StatusCode.Unavailable"/>, as a dropped connection
/// does: either before the server sees the call (the request is lost), or after the server took it (the answer is lost).
/// </summary>
internal sealed class FlakyNetwork : Interceptor
{
    private readonly HashSet<string> _methods;
    private readonly bool _afterDelivery;
    private int _calls;
    private int _failed;

    public FlakyNetwork(bool afterDelivery, params string[] methods)
    {
        _afterDelivery = afterDelivery;
        _methods = methods.ToHashSet();
    }

    /// <summary>How many calls were made to fail.</summary>
    public int Failed => Volatile.Read(ref _failed);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        if (!Fails(context.Method.Name))
        {
            return continuation(request, context);
        }

        var response = _afterDelivery ? LoseAnswer(continuation(request, context).ResponseAsync) : Task.FromException<TResponse>(Injected());
        return new AsyncUnaryCall<TResponse>(response, Task.FromResult(new Metadata()), Unavailable, () => new Metadata(), () => { });
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        if (!Fails(context.Method.Name))
        {
            return continuation(context);
        }

        if (_afterDelivery)
        {
            var call = continuation(context);
            return new AsyncClientStreamingCall<TRequest, TResponse>(call.RequestStream, LoseAnswer(call.ResponseAsync), call.ResponseHeadersAsync, Unavailable, () => new Metadata(), call.Dispose);
        }

        return new AsyncClientStreamingCall<TRequest, TResponse>(new Discarding<TRequest>(), Task.FromException<TResponse>(Injected()), Task.FromResult(new Metadata()), Unavailable, () => new Metadata(), () => { });
    }

    private static async Task<T> LoseAnswer<T>(Task<T> delivered)
    {
        await delivered.ConfigureAwait(false);
        throw Injected();
    }

    private static RpcException Injected() => new(Unavailable());

    private static Grpc.Core.Status Unavailable() => new(StatusCode.Unavailable, "connection reset (injected by the test)");

    private bool Fails(string method)
    {
        if (!_methods.Contains(method) || Interlocked.Increment(ref _calls) % 2 == 0)
        {
            return false;
        }

        Interlocked.Increment(ref _failed);
        return true;
    }

    private sealed class Discarding<T> : IClientStreamWriter<T>
    {
        public WriteOptions? WriteOptions { get; set; }

        public Task CompleteAsync() => Task.CompletedTask;

        public Task WriteAsync(T message) => Task.CompletedTask;
    }
}
