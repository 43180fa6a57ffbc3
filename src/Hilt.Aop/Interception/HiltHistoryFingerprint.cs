using System.Runtime.InteropServices;

namespace Hilt.Aop;

/// <summary>Computes <see cref="HiltChatRequest.HistoryFingerprint"/> from the opening messages of a conversation.</summary>
/// <remarks>
/// Only the opening messages are hashed (the system instructions and the first user message), so the cost does not
/// grow with the history, and every later turn of the same conversation (which resends them) has the same fingerprint.
/// The hash is FNV-1a over the UTF-16 text taken four characters at a time, with a final mix: fast (the caller
/// pays for it on every call) and stable across processes and little-endian machines, not a secret.
/// </remarks>
public static class HiltHistoryFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Computes the fingerprint of a conversation's opening messages.</summary>
    /// <param name="systemText">The system instructions, if any.</param>
    /// <param name="firstUserText">The text of the first user message, if any.</param>
    /// <returns>The fingerprint, or <see langword="null"/> when both are <see langword="null"/>.</returns>
    public static long? Compute(string? systemText, string? firstUserText)
    {
        if (systemText is null && firstUserText is null)
        {
            return null;
        }

        var hash = OffsetBasis;
        hash = Append(hash, systemText);
        hash = Append(hash, firstUserText);
        return unchecked((long)hash);
    }

    private static ulong Append(ulong hash, string? text)
    {
        // A separator that cannot occur in text keeps ("ab", "c") apart from ("a", "bc"), and null apart from "".
        hash = unchecked((hash ^ (text is null ? 0x1FFFFUL : 0x2FFFFUL)) * Prime);
        if (text is null)
        {
            return hash;
        }

        var chars = text.AsSpan();
        foreach (var word in MemoryMarshal.Cast<char, ulong>(chars))
        {
            hash = unchecked((hash ^ word) * Prime);
        }

        foreach (var c in chars[(chars.Length & ~3)..])
        {
            hash = unchecked((hash ^ c) * Prime);
        }

        // Words carry their high bits only upward through the multiply: fold them back down.
        return hash ^ (hash >> 29);
    }
}
