namespace FedSec.Stages;

/// <summary>Writes and reads the vectors of <see cref="ICrossRoundState"/>: a length (−1 for none), then the float32 values.</summary>
public static class StateVectors
{
    /// <summary>Writes <paramref name="vector"/>, or −1 for null.</summary>
    public static void Write(BinaryWriter writer, float[]? vector)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(vector?.Length ?? -1);
        if (vector is not null)
        {
            writer.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
        }
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    public static float[]? Read(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        int length = reader.ReadInt32();
        if (length < 0)
        {
            return null;
        }

        // A length beyond what the stream holds is a corrupt or hostile state: refuse it before allocating.
        if (reader.BaseStream.CanSeek && (long)length * sizeof(float) > reader.BaseStream.Length - reader.BaseStream.Position)
        {
            throw new InvalidDataException($"A state vector declares {length} values ({(long)length * sizeof(float)} bytes), but only {reader.BaseStream.Length - reader.BaseStream.Position} bytes follow.");
        }

        var vector = new float[length];
        reader.BaseStream.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(vector.AsSpan()));
        return vector;
    }
}
