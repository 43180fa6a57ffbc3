using System.Buffers.Binary;

namespace Hilt.Aop;

/// <summary>Creates event ids: UUID v7 (time-ordered), lowercase with dashes.</summary>
internal static class HiltEventIds
{
    public static string NewId(DateTimeOffset timestamp)
    {
        // 48 bits of Unix milliseconds, then the version and variant over random bits (RFC 9562 §5.7).
        // The ids must not collide, not be secrets: Random.Shared takes nanoseconds where Guid.NewGuid's
        // system call takes about a microsecond, and the caller pays for two ids per chat call.
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var milliseconds = timestamp.ToUnixTimeMilliseconds();
        Span<byte> time = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(time, milliseconds);
        time[2..].CopyTo(bytes);
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x70);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
