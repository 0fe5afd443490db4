using System.Buffers.Binary;
using System.Text;

namespace CallCenter.Recordings.Synthesis;

/// <summary>The canonical 44-byte RIFF/WAVE header of PCM audio, and reading a WAV's duration back.</summary>
public static class Wav
{
    public const int HeaderBytes = 44;

    public static void WriteHeader(Span<byte> wav, int sampleRate, int bitsPerSample, int dataBytes)
    {
        var blockAlign = bitsPerSample / 8;
        Encoding.ASCII.GetBytes("RIFF").CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav[4..], 36 + dataBytes);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(wav[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(wav[16..], 16);                       // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(wav[20..], 1);                        // PCM
        BinaryPrimitives.WriteInt16LittleEndian(wav[22..], 1);                        // mono
        BinaryPrimitives.WriteInt32LittleEndian(wav[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav[28..], sampleRate * blockAlign);  // byte rate
        BinaryPrimitives.WriteInt16LittleEndian(wav[32..], (short)blockAlign);
        BinaryPrimitives.WriteInt16LittleEndian(wav[34..], (short)bitsPerSample);
        Encoding.ASCII.GetBytes("data").CopyTo(wav[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(wav[40..], dataBytes);
    }

    /// <summary>The duration of a canonical PCM WAV, in seconds (data bytes over byte rate); null when it is not one.</summary>
    public static double? DurationSeconds(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < HeaderBytes || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..16].SequenceEqual("WAVEfmt "u8)) return null;
        var byteRate = BinaryPrimitives.ReadInt32LittleEndian(wav[28..]);
        var dataBytes = BinaryPrimitives.ReadInt32LittleEndian(wav[40..]);
        return byteRate > 0 ? dataBytes / (double)byteRate : null;
    }
}
