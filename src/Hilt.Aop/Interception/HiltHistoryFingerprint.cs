namespace Hilt.Aop;

/// <summary>Computes <see cref="HiltChatRequest.HistoryFingerprint"/> from the opening messages of a conversation.</summary>
/// <remarks>
/// Only the opening messages are hashed (the system instructions and the first user message), so the cost does not
/// grow with the history, and every later turn of the same conversation (which resends them) has the same fingerprint.
/// The hash is FNV-1a over the UTF-16 text: fast and stable across processes, not a secret.
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

        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * Prime);
        }

        return hash;
    }
}
