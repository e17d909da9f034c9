using System.Globalization;
using FedSec.Network.Protocol;
using FedSec.Network.Security;
using FedSec.Network.Transport;
using FedSec.Simulation;

namespace FedSec.Network.Server;

/// <summary>
/// The checks on secure aggregation's messages, as for updates: a live session, a client the node hosts, the current
/// round and step, what the step expects (each share from the sender's client to one of its neighbours, a masked vector
/// of the model's length, reveals only of the shares the client holds), the node's signature. A rejected message is
/// logged naming the client and why; when the sender owns the client, the client drops out of the round's aggregation.
/// </summary>
public sealed partial class FederationCoordinator
{
    /// <summary>Checks a message's header before any chunk is read; returns the intake, or throws <see cref="UpdateRejectedException"/>.</summary>
    internal SecAggIntake OpenSecAgg(SecAggHeader header)
    {
        lock (_gate)
        {
            var session = _nodes.Find(header.Session);
            if (session is null || session.Lost)
            {
                throw SecAggRejected(null, header, "it comes from an unknown or expired session (a node joins first, and joins again after it was lost)");
            }

            session.LastSeen = _time.GetTimestamp();
            if (!session.ClientSet.Contains(header.Client))
            {
                throw SecAggRejected(session, header, $"client {header.Client} is not hosted by {session} (it hosts {Ranges(session.Clients)})");
            }

            if (_relay is not { } relay || _round is not { } round || header.Round != round.Round)
            {
                throw SecAggRejected(session, header, $"it is for round {header.Round + 1}, and the current round is {(_round is null ? "none" : (_round.Round + 1).ToString(CultureInfo.InvariantCulture))}{(_secAgg is null ? " (and this run does not aggregate securely)" : string.Empty)}");
            }

            if (header.Step != relay.Step)
            {
                throw SecAggRejected(session, header, $"secure aggregation is at its {StepName(relay.Step)} step, not the {StepName(header.Step)} step (a replayed, late or early message)");
            }

            if (relay.Dropped.TryGetValue(header.Client, out var out_))
            {
                throw SecAggRejected(session, header, $"client {header.Client} dropped out of this round's aggregation ({out_})");
            }

            if (header.AttackStateLength != 0 && header.Step != SecAggStep.SecaggReport)
            {
                throw SecAggRejected(session, header, $"it announces an attack state with its {StepName(header.Step)} message; only a report carries one", drop: true);
            }

            var spec = relay.Spec;
            switch (header.Step)
            {
                case SecAggStep.SecaggReport:
                    if (!round.Wants(header.Client))
                    {
                        throw SecAggRejected(session, header, $"round {header.Round + 1} does not want client {header.Client}'s report (not sampled, sent already, rejected before, or the round closed)");
                    }

                    if (header.Keys is null || header.Keys.Client != header.Client || header.Keys.ChannelKey.IsEmpty || header.Keys.MaskKey.IsEmpty)
                    {
                        throw SecAggRejected(session, header, $"client {header.Client}'s report holds no public keys of its own", drop: true);
                    }

                    if (Privacy.SecureAggregation.AdvertisedKeyCheck.Problem(SecAggWire.FromWire(header.Keys)) is { } keyProblem)
                    {
                        throw SecAggRejected(session, header, keyProblem, drop: true);
                    }

                    try
                    {
                        return new SecAggIntake(session, header, null, StateReceiver.Create(header.AttackStateLength));
                    }
                    catch (ModelStreamException e)
                    {
                        throw SecAggRejected(session, header, $"it {e.Message}", drop: true);
                    }
                case SecAggStep.SecaggShares:
                    if (!spec!.Neighbours.TryGetValue(header.Client, out var neighbours) || relay.SharedBy.Contains(header.Client))
                    {
                        throw SecAggRejected(session, header, $"client {header.Client} is not due to send shares (not in this round's aggregation, or sent them already)");
                    }

                    if (header.Shares.FirstOrDefault(s => s.From != header.Client || !neighbours.Contains(s.To)) is { } stray)
                    {
                        throw SecAggRejected(session, header, $"it holds a share from client {stray.From} to client {stray.To}; client {header.Client} sends shares only of its own secrets, to its neighbours ({Ranges(neighbours)})", drop: true);
                    }

                    // One share to each neighbour: a neighbour left without one would mask with a client it cannot unmask.
                    if (header.Shares.Count != neighbours.Count || header.Shares.Select(s => s.To).Distinct().Count() != neighbours.Count)
                    {
                        throw SecAggRejected(session, header, $"it holds shares to clients {Ranges(header.Shares.Select(s => s.To))} ({header.Shares.Count} shares); client {header.Client} sends one share to each of its neighbours ({Ranges(neighbours)})", drop: true);
                    }

                    return new SecAggIntake(session, header, null, null);
                case SecAggStep.SecaggMasked:
                    if (!relay.SharedBy.Contains(header.Client) || relay.Server!.Survivors.Contains(header.Client))
                    {
                        throw SecAggRejected(session, header, $"client {header.Client} is not due to send a masked vector (it sent no shares, or sent it already)");
                    }

                    if (header.VectorLength != spec!.Length)
                    {
                        throw SecAggRejected(session, header, $"client {header.Client}'s masked vector has {header.VectorLength} values; this round's vectors have {spec.Length}", drop: true);
                    }

                    if (header.Saturated < 0 || header.Saturated > spec.Length)
                    {
                        throw SecAggRejected(session, header, $"it reports {header.Saturated} saturated values, outside 0..{spec.Length}", drop: true);
                    }

                    return new SecAggIntake(session, header, ModelReceiver.Create(header.VectorLength, spec.Length), null);
                case SecAggStep.SecaggUnmask:
                    if (!relay.Survivors.Contains(header.Client) || relay.RevealedBy.Contains(header.Client))
                    {
                        throw SecAggRejected(session, header, $"client {header.Client} is not due to reveal shares (not a survivor, or revealed them already)");
                    }

                    var holds = spec!.Neighbours[header.Client].Append(header.Client).ToHashSet();
                    if (header.Reveals.FirstOrDefault(r => !holds.Contains(r.Owner) || r.OfSelfMask != relay.Survivors.Contains(r.Owner)) is { } wrong)
                    {
                        throw SecAggRejected(session, header, $"it reveals a share of client {wrong.Owner}'s {(wrong.OfSelfMask ? "self-mask seed" : "mask key")}, which client {header.Client} {(holds.Contains(wrong.Owner) ? "must not reveal (a survivor's seed or a dropped client's key only)" : "does not hold")}", drop: true);
                    }

                    return new SecAggIntake(session, header, null, null);
                default:
                    throw SecAggRejected(session, header, $"{header.Step} is not a step a node sends");
            }
        }
    }

    /// <summary>Takes a fully received message: checks its signature, then applies it to the round's aggregation.</summary>
    internal UpdateReply CloseSecAgg(SecAggIntake intake)
    {
        ArgumentNullException.ThrowIfNull(intake);
        var header = intake.Header;
        uint[]? masked;
        try
        {
            masked = intake.Complete();
        }
        catch (ModelStreamException e)
        {
            return Reply(SecAggRejected(intake.Session, header, $"it {e.Message}", drop: true));
        }

        if (intake.Session.PublicKey is { } key && !NodeKey.Verify(key, SecAggSignature.Bytes(_options.RunId, header, intake.Digest), header.Signature.ToByteArray()))
        {
            return Reply(SecAggRejected(intake.Session, header, $"its signature does not verify with {intake.Session}'s key {NodeKey.FingerprintOf(key)} over (run, round, client, step, digest)", drop: true));
        }

        if (header.Step == SecAggStep.SecaggReport && (header.SampleCount < 0 || (!double.IsFinite(header.MeanLoss) && header.DivergedReason.Length == 0)))
        {
            return Reply(SecAggRejected(intake.Session, header, $"its sample count {header.SampleCount} or loss {header.MeanLoss} is invalid", drop: true));
        }

        lock (_gate)
        {
            if (_relay is not { } relay || relay.Round != header.Round || relay.Step != header.Step || relay.Dropped.ContainsKey(header.Client) || _round is not { } round)
            {
                return Reply(SecAggRejected(intake.Session, header, $"round {header.Round + 1}'s aggregation moved on while it travelled"));
            }

            switch (header.Step)
            {
                case SecAggStep.SecaggReport:
                    if (!round.Wants(header.Client))
                    {
                        return Reply(SecAggRejected(intake.Session, header, $"round {header.Round + 1} no longer wants client {header.Client}'s report (it closed, or the report arrived twice)"));
                    }

                    if (intake.AttackState is { } attackState && TakeAttackState(round, header.Client, attackState) is { } stateProblem)
                    {
                        return Reply(SecAggRejected(intake.Session, header, stateProblem, drop: true));
                    }

                    // The server holds no update: the round's pipeline gets the global model as a stand-in (a zero
                    // update) with the client's sample count and loss; the aggregate comes from the masked sum.
                    relay.Keys[header.Client] = SecAggWire.FromWire(header.Keys);
                    relay.ReportedBy[header.Client] = intake.Session.Id;
                    round.Accept(new ClientResult(header.Client, header.SampleCount, (float[])round.Plan.Global.Clone(), header.MeanLoss) { DivergedReason = DivergedReason(header.Client, header.DivergedReason) });
                    break;
                case SecAggStep.SecaggShares:
                    if (!relay.SharedBy.Add(header.Client))
                    {
                        return Reply(SecAggRejected(intake.Session, header, $"client {header.Client}'s shares arrived twice"));
                    }

                    foreach (var share in header.Shares)
                    {
                        if (!relay.SharesTo.TryGetValue(share.To, out var list))
                        {
                            relay.SharesTo[share.To] = list = new List<Privacy.SecureAggregation.EncryptedShares>();
                        }

                        list.Add(SecAggWire.FromWire(share));
                    }

                    break;
                case SecAggStep.SecaggMasked:
                    try
                    {
                        relay.Server!.ReceiveMaskedInput(header.Client, masked!);
                    }
                    catch (InvalidUpdateException e)
                    {
                        return Reply(SecAggRejected(intake.Session, header, e.Message.TrimEnd('.')));
                    }

                    relay.Saturated += header.Saturated;
                    break;
                case SecAggStep.SecaggUnmask:
                    relay.RevealedBy.Add(header.Client);
                    relay.Revealed.AddRange(header.Reveals.Select(r => SecAggWire.FromWire(header.Client, r)));
                    break;
            }

            Changed();
        }

        return new UpdateReply { Accepted = true };
    }

    /// <summary>Rejects a message whose stream broke the announced length or the chunk size, mid-stream.</summary>
    internal UpdateReply RejectSecAggStream(SecAggIntake intake, ModelStreamException error) =>
        Reply(SecAggRejected(intake.Session, intake.Header, $"it {error.Message} (an oversized stream)", drop: true));

    // Logs the rejection naming the client; when the sender owns the client, the client is out of the round's
    // aggregation (a report: out of the round) with that reason.
    private UpdateRejectedException SecAggRejected(NodeSession? session, SecAggHeader header, string why, bool drop = false)
    {
        string message = $"Rejected client {header.Client}'s secure-aggregation {StepName(header.Step)} message, round {header.Round + 1}, from {session?.ToString() ?? "an unknown node"}: {why}.";
        _log(message);
        lock (_gate)
        {
            if (drop && session is not null && session.ClientSet.Contains(header.Client) && _relay is { } relay && relay.Round == header.Round && _round is { } round)
            {
                if (relay.Step == SecAggStep.SecaggReport)
                {
                    if (round.Wants(header.Client))
                    {
                        round.Reject(header.Client, why);
                    }
                }
                else if (relay.Spec?.Neighbours.ContainsKey(header.Client) == true)
                {
                    DropFromSecAgg(relay, header.Client, $"its {StepName(header.Step)} message was rejected: {why}");
                }

                Changed();
            }
        }

        return new UpdateRejectedException(message);
    }
}
