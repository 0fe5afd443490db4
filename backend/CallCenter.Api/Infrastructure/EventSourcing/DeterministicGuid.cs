using System.Security.Cryptography;
using System.Text;

namespace CallCenter.Infrastructure.EventSourcing;

/// <summary>
/// A name-based UUID (RFC 9562 version 5: SHA-1 of namespace + name). Reactors derive the ids of
/// the events they append from the event that caused them, so a replay appends nothing twice.
/// </summary>
public static class DeterministicGuid
{
    public static Guid Create(Guid @namespace, string name)
    {
        Span<byte> ns = stackalloc byte[16];
        @namespace.TryWriteBytes(ns, bigEndian: true, out _);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var buffer = new byte[16 + nameBytes.Length];
        ns.CopyTo(buffer);
        nameBytes.CopyTo(buffer, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(buffer, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
