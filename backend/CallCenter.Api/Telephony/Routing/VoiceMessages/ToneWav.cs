using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Telephony.Routing.VoiceMessages;

/// <summary>
/// A stand-in recording for the simulated PBX: a playable WAV (8 kHz, 16-bit mono PCM) of quarter-second tones on a
/// pentatonic scale, chosen from a hash of the call id (the same call always sounds the same), at most 10 seconds long.
/// </summary>
public static class ToneWav
{
    public const int SampleRate = 8000;
    public const int MaxSeconds = 10;
    static readonly double[] Scale = [392.00, 440.00, 523.25, 587.33, 659.25, 783.99, 880.00, 1046.50];

    public static byte[] For(string callId, int durationSeconds)
    {
        var seconds = Math.Clamp(durationSeconds, 1, MaxSeconds);
        var samples = seconds * SampleRate;
        var wav = new byte[44 + samples * 2];
        WriteHeader(wav, samples);
        var notes = SHA256.HashData(Encoding.UTF8.GetBytes(callId));
        const int noteLength = SampleRate / 4, fade = SampleRate / 100;
        for (var i = 0; i < samples; i++)
        {
            var note = i / noteLength;
            var within = i % noteLength;
            var frequency = Scale[notes[note % notes.Length] % Scale.Length];
            var envelope = Math.Min(1.0, Math.Min(within, noteLength - within) / (double)fade); // no clicks between notes
            var value = 0.3 * envelope * Math.Sin(2 * Math.PI * frequency * within / SampleRate);
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + i * 2), (short)(value * short.MaxValue));
        }
        return wav;
    }

    static void WriteHeader(Span<byte> wav, int samples)
    {
        var dataBytes = samples * 2;
        Encoding.ASCII.GetBytes("RIFF").CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav[4..], 36 + dataBytes);
        Encoding.ASCII.GetBytes("WAVEfmt ").CopyTo(wav[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(wav[16..], 16);         // fmt chunk size
        BinaryPrimitives.WriteInt16LittleEndian(wav[20..], 1);          // PCM
        BinaryPrimitives.WriteInt16LittleEndian(wav[22..], 1);          // mono
        BinaryPrimitives.WriteInt32LittleEndian(wav[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav[28..], SampleRate * 2); // byte rate
        BinaryPrimitives.WriteInt16LittleEndian(wav[32..], 2);          // block align
        BinaryPrimitives.WriteInt16LittleEndian(wav[34..], 16);         // bits per sample
        Encoding.ASCII.GetBytes("data").CopyTo(wav[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(wav[40..], dataBytes);
    }
}
