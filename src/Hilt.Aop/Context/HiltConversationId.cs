using System.Security.Cryptography;
using System.Text;

namespace Hilt.Aop;

/// <summary>Turns a conversation key into the HILT conversation id (<c>conv_</c> + 12 hex digits).</summary>
/// <remarks>
/// The id is the first 12 hex digits of the UUID v5 of the key in the HILT namespace
/// <c>a8f7e6d5-c4b3-4a21-9f0e-1d2c3b4a5e6f</c>, the same rule as the Python HILT package, so the same key
/// gives the same id in every process and language. A key that already starts with <c>conv_</c> is kept.
/// </remarks>
public static class HiltConversationId
{
    private const string Prefix = "conv_";

    private static readonly byte[] NamespaceBytes = Convert.FromHexString("a8f7e6d5c4b34a219f0e1d2c3b4a5e6f");

    /// <summary>Gets the conversation id for a key.</summary>
    /// <param name="key">The conversation key: a ticket id, a chat id, any stable name.</param>
    /// <returns>The conversation id.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="key"/> is <see langword="null"/>.</exception>
    public static string FromKey(string key)
    {
        Throw.IfNull(key);
        if (key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return key;
        }

        var keyByteCount = Encoding.UTF8.GetByteCount(key);
        var buffer = keyByteCount <= 512 ? stackalloc byte[NamespaceBytes.Length + keyByteCount] : new byte[NamespaceBytes.Length + keyByteCount];
        NamespaceBytes.CopyTo(buffer);
        Encoding.UTF8.GetBytes(key, buffer[NamespaceBytes.Length..]);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(buffer, hash);

        // The first 6 bytes are never touched by the UUID version and variant bits.
        return string.Create(Prefix.Length + 12, hash[..6].ToArray(), static (chars, bytes) =>
        {
            Prefix.AsSpan().CopyTo(chars);
            Convert.ToHexString(bytes).ToLowerInvariant().AsSpan().CopyTo(chars[Prefix.Length..]);
        });
    }
}
