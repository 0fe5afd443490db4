using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Recordings.Synthesis;

/// <summary>
/// The simulated PBX's recording of a conversation: a real, playable WAV (8 kHz, 8-bit unsigned PCM mono, 8 KB per second)
/// exactly as long as the talk time. Two synthetic voices take turns (the agent higher, the caller lower); each turn is
/// words of voiced syllables (a pitch with vowel-like formants and a soft envelope) separated by pauses, over a faint line
/// hiss. Nobody speaks words, but a waveform of it looks and sounds like a conversation. Deterministic: the same call
/// always sounds the same.
/// </summary>
public static class SpeechLikeWav
{
    public const int SampleRate = 8000;
    const int Table = 512;
    // (F1, F2) of a, e, i, o, u in Hz.
    static readonly (double F1, double F2)[] Vowels = [(730, 1090), (530, 1840), (270, 2290), (570, 840), (300, 870)];

    public static byte[] For(string callId, int seconds)
    {
        if (seconds < 0) throw new ArgumentOutOfRangeException(nameof(seconds));
        var samples = seconds * SampleRate;
        var wav = new byte[Wav.HeaderBytes + samples];
        Wav.WriteHeader(wav, SampleRate, bitsPerSample: 8, dataBytes: samples);
        var signal = new float[samples];
        var rng = new Random(BinaryPrimitives.ReadInt32LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes(callId))));
        var position = SampleRate / 2; // half a second of line before the first word
        var agentSpeaks = true;
        while (position < samples)
        {
            position = Turn(signal, position, agentSpeaks ? 190 + rng.Next(40) : 105 + rng.Next(30), rng);
            position += SampleRate * (350 + rng.Next(700)) / 1000; // the other party takes a breath
            agentSpeaks = !agentSpeaks;
        }
        for (var i = 0; i < samples; i++)
        {
            var hiss = (rng.NextDouble() - 0.5) * 0.01;
            var value = Math.Clamp(signal[i] + hiss, -1, 1);
            wav[Wav.HeaderBytes + i] = (byte)Math.Round(128 + value * 127);
        }
        return wav;
    }

    /// <summary>One party's turn: 2 to 8 words of 1 to 4 syllables; returns where it ended.</summary>
    static int Turn(float[] signal, int position, double pitch, Random rng)
    {
        var words = 2 + rng.Next(7);
        for (var w = 0; w < words && position < signal.Length; w++)
        {
            var syllables = 1 + rng.Next(4);
            for (var s = 0; s < syllables && position < signal.Length; s++)
            {
                var length = SampleRate * (110 + rng.Next(170)) / 1000;
                var vowel = Vowels[rng.Next(Vowels.Length)];
                Syllable(signal, position, length, pitch * (0.92 + rng.NextDouble() * 0.16), vowel, 0.35 + rng.NextDouble() * 0.3);
                position += length + SampleRate * (20 + rng.Next(60)) / 1000;
            }
            position += SampleRate * (90 + rng.Next(250)) / 1000;
        }
        return position;
    }

    /// <summary>A voiced syllable: one period of harmonics shaped by the vowel's formants, repeated with a falling pitch.</summary>
    static void Syllable(float[] signal, int start, int length, double pitch, (double F1, double F2) vowel, double loudness)
    {
        var period = new double[Table];
        var peak = 1e-9;
        for (var h = 1; h * pitch < 3400; h++)
        {
            var f = h * pitch;
            var gain = Formant(f, vowel.F1, 90) + 0.6 * Formant(f, vowel.F2, 120) + 0.05 / h;
            for (var i = 0; i < Table; i++) period[i] += gain * Math.Sin(2 * Math.PI * h * i / Table);
        }
        foreach (var v in period) peak = Math.Max(peak, Math.Abs(v));
        var phase = 0.0;
        for (var i = 0; i < length && start + i < signal.Length; i++)
        {
            var progress = i / (double)length;
            var envelope = Math.Sin(Math.PI * progress); // soft attack and release: no clicks
            var f0 = pitch * (1.05 - 0.1 * progress);    // a falling contour
            phase = (phase + f0 * Table / SampleRate) % Table;
            signal[start + i] += (float)(loudness * envelope * period[(int)phase] / peak);
        }
    }

    static double Formant(double f, double centre, double bandwidth) => 1 / (1 + Math.Pow((f - centre) / bandwidth, 2));
}
