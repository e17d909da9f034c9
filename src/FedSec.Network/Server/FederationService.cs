using FedSec.Network.Protocol;
using FedSec.Network.Transport;
using Grpc.Core;

namespace FedSec.Network.Server;

/// <summary>The gRPC face of the <see cref="FederationCoordinator"/> (the service of <c>Protos/federation.proto</c>).</summary>
internal sealed class FederationService : Federation.FederationBase
{
    private readonly FederationCoordinator _coordinator;

    public FederationService(FederationCoordinator coordinator) => _coordinator = coordinator;

    public override Task<JoinReply> Join(JoinRequest request, ServerCallContext context)
    {
        try
        {
            _coordinator.Traffic.AddReceived(request.CalculateSize());
            var reply = _coordinator.Join(request);
            _coordinator.Traffic.AddSent(reply.CalculateSize());
            return Task.FromResult(reply);
        }
        catch (JoinRefusedException e)
        {
            throw new RpcException(new Grpc.Core.Status(e.Code, e.Message));
        }
    }

    public override Task<LeaveReply> Leave(LeaveRequest request, ServerCallContext context)
    {
        _coordinator.Traffic.AddReceived(request.CalculateSize());
        _coordinator.Leave(request.Session, request.Reason);
        return Task.FromResult(new LeaveReply());
    }

    public override Task<HeartbeatReply> Heartbeat(HeartbeatRequest request, ServerCallContext context)
    {
        var reply = _coordinator.Heartbeat(request.Session);
        _coordinator.Traffic.AddReceived(request.CalculateSize());
        _coordinator.Traffic.AddSent(reply.CalculateSize());
        return Task.FromResult(reply);
    }

    public override async Task NextTask(TaskRequest request, IServerStreamWriter<TaskMessage> responseStream, ServerCallContext context)
    {
        _coordinator.Traffic.AddReceived(request.CalculateSize());
        var (header, models, finished) = await _coordinator.NextTaskAsync(request.Session, request.AfterRound, context.CancellationToken).ConfigureAwait(false);
        if (finished is not null)
        {
            await Write(responseStream, new TaskMessage { Finished = finished }, context).ConfigureAwait(false);
            return;
        }

        if (header is null)
        {
            return;
        }

        await Write(responseStream, new TaskMessage { Header = header }, context).ConfigureAwait(false);
        foreach (var chunk in models!.SelectMany(ModelChunks.Split))
        {
            await Write(responseStream, new TaskMessage { Chunk = chunk }, context).ConfigureAwait(false);
        }
    }

    private Task Write(IServerStreamWriter<TaskMessage> stream, TaskMessage message, ServerCallContext context)
    {
        _coordinator.Traffic.AddSent(message.CalculateSize());
        return stream.WriteAsync(message, context.CancellationToken);
    }

    public override async Task<UpdateReply> SendUpdate(IAsyncStreamReader<UpdateMessage> requestStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false) || requestStream.Current.BodyCase != UpdateMessage.BodyOneofCase.Header)
        {
            return new UpdateReply { Accepted = false, Reason = "An update starts with its header." };
        }

        _coordinator.Traffic.AddReceived(requestStream.Current.CalculateSize());
        UpdateIntake intake;
        try
        {
            intake = _coordinator.OpenUpdate(requestStream.Current.Header);
        }
        catch (UpdateRejectedException e)
        {
            return new UpdateReply { Accepted = false, Reason = e.Message };
        }

        using (intake)
        {
            while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
            {
                if (requestStream.Current.BodyCase != UpdateMessage.BodyOneofCase.Chunk)
                {
                    return new UpdateReply { Accepted = false, Reason = "An update holds one header, then only chunks." };
                }

                _coordinator.Traffic.AddReceived(requestStream.Current.CalculateSize());
                try
                {
                    intake.Append(requestStream.Current.Chunk);
                }
                catch (ModelStreamException e)
                {
                    // Stop reading at the chunk that overflows: the rest is never buffered.
                    return _coordinator.RejectStream(intake, e);
                }
            }

            return _coordinator.CloseUpdate(intake);
        }
    }

    public override async Task<SecAggTask> SecAggNext(SecAggPoll request, ServerCallContext context)
    {
        _coordinator.Traffic.AddReceived(request.CalculateSize());
        var task = await _coordinator.SecAggNextAsync(request, context.CancellationToken).ConfigureAwait(false);
        _coordinator.Traffic.AddSent(task.CalculateSize());
        return task;
    }

    public override async Task<UpdateReply> SecAggSend(IAsyncStreamReader<SecAggMessage> requestStream, ServerCallContext context)
    {
        if (!await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false) || requestStream.Current.BodyCase != SecAggMessage.BodyOneofCase.Header)
        {
            return new UpdateReply { Accepted = false, Reason = "A secure aggregation message starts with its header." };
        }

        _coordinator.Traffic.AddReceived(requestStream.Current.CalculateSize());
        SecAggIntake intake;
        try
        {
            intake = _coordinator.OpenSecAgg(requestStream.Current.Header);
        }
        catch (UpdateRejectedException e)
        {
            return new UpdateReply { Accepted = false, Reason = e.Message };
        }

        using (intake)
        {
            while (await requestStream.MoveNext(context.CancellationToken).ConfigureAwait(false))
            {
                if (requestStream.Current.BodyCase != SecAggMessage.BodyOneofCase.Chunk)
                {
                    return new UpdateReply { Accepted = false, Reason = "A secure aggregation message holds one header, then only chunks." };
                }

                _coordinator.Traffic.AddReceived(requestStream.Current.CalculateSize());
                try
                {
                    intake.Append(requestStream.Current.Chunk);
                }
                catch (ModelStreamException e)
                {
                    return _coordinator.RejectSecAggStream(intake, e);
                }
            }

            return _coordinator.CloseSecAgg(intake);
        }
    }
}
