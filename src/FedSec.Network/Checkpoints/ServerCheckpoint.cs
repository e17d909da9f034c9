using System.Security.Cryptography;
using System.Text;
using FedSec.Simulation;

namespace FedSec.Network.Checkpoints;

/// <summary>
/// What a distributed server needs to continue after a restart, written after every round: the run id (the nodes sign
/// with it), the configuration's digest, the number of completed rounds, the global model, and the cross-round state
/// of the attack, the defenses and the server optimizer (<see cref="ExperimentServer.WriteState"/>). The random streams
/// need nothing: each is derived from (seed, purpose, round, client), so the round index is their position. The file
/// is written beside its place, flushed to disk and renamed over the old one, so a crash leaves the old checkpoint or
/// the new one, never a torn one; a SHA-256 at its end catches any other damage.
/// </summary>
public sealed record ServerCheckpoint(string RunId, string ConfigDigest, int CompletedRounds, float[] Global, byte[] State)
{
    /// <summary>The checkpoint's file name in the run directory.</summary>
    public const string FileName = "checkpoint.bin";

    private const string Magic = "FEDSEC-CHECKPOINT";
    private const int Version = 1;

    /// <summary>The checkpoint of <paramref name="server"/> as it stands.</summary>
    public static ServerCheckpoint Of(ExperimentServer server, string runId, string configDigest)
    {
        ArgumentNullException.ThrowIfNull(server);
        using var state = new MemoryStream();
        using (var writer = new BinaryWriter(state, Encoding.UTF8, leaveOpen: true))
        {
            server.WriteState(writer);
        }

        return new ServerCheckpoint(runId, configDigest, server.NextRound, server.Global, state.ToArray());
    }

    /// <summary>Writes the checkpoint atomically: a temporary file, flushed to disk, renamed over <paramref name="path"/>.</summary>
    public void Write(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string partial = path + ".partial";
        using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            var body = Body();
            file.Write(body);
            file.Write(SHA256.HashData(body));
            file.Flush(flushToDisk: true);
        }

        File.Move(partial, path, overwrite: true);
    }

    /// <summary>Reads a checkpoint; throws <see cref="InvalidDataException"/> naming the file when it is not a whole one.</summary>
    public static ServerCheckpoint Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new IOException($"{path} does not exist: there is no completed round to resume from (start the run without --resume).", e);
        }

        if (bytes.Length < 32 || !SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32)).AsSpan().SequenceEqual(bytes.AsSpan(bytes.Length - 32)))
        {
            throw new InvalidDataException($"{path} is damaged (its checksum does not match); it cannot be resumed from.");
        }

        using var reader = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 32), Encoding.UTF8);
        if (reader.ReadString() != Magic || reader.ReadInt32() != Version)
        {
            throw new InvalidDataException($"{path} is not a FedSec checkpoint of this version.");
        }

        string runId = reader.ReadString();
        string digest = reader.ReadString();
        int rounds = reader.ReadInt32();
        var global = Stages.StateVectors.Read(reader) ?? throw new InvalidDataException($"{path} holds no global model.");
        var state = reader.ReadBytes(reader.ReadInt32());
        return new ServerCheckpoint(runId, digest, rounds, global, state);
    }

    /// <summary>Restores the server: the completed rounds' records (from <c>rounds.jsonl</c>), the global model and the state.</summary>
    public void Restore(ExperimentServer server, IReadOnlyList<RoundRecord> records)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count < CompletedRounds)
        {
            throw new InvalidDataException($"The checkpoint is after round {CompletedRounds}, but rounds.jsonl holds only {records.Count} rounds; the run directory was changed by hand.");
        }

        server.ResumeAt(records.Take(CompletedRounds).ToList(), Global);
        using var reader = new BinaryReader(new MemoryStream(State), Encoding.UTF8);
        server.ReadState(reader);
    }

    private byte[] Body()
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(RunId);
            writer.Write(ConfigDigest);
            writer.Write(CompletedRounds);
            Stages.StateVectors.Write(writer, Global);
            writer.Write(State.Length);
            writer.Write(State);
        }

        return buffer.ToArray();
    }
}
