using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;

namespace Hilt.Aop;

/// <summary>
/// Escapes only what JSON requires (quote, backslash, control characters below U+0020), so every other
/// character, emoji included, is written as raw UTF-8.
/// </summary>
/// <remarks>
/// The built-in encoders escape supplementary-plane characters and HTML-sensitive ones; HILT files are
/// read by people and by the Python package, which expect raw UTF-8. Lone surrogates never reach this
/// encoder: the writer replaces them with U+FFFD first.
/// </remarks>
internal sealed class HiltJsonEncoder : JavaScriptEncoder
{
    private static readonly SearchValues<char> MustEscape = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000A\u000B\u000C\u000D\u000E\u000F" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001A\u001B\u001C\u001D\u001E\u001F\"\\");

    private HiltJsonEncoder()
    {
    }

    public static HiltJsonEncoder Instance { get; } = new();

    // "\u001F" is the longest escape: six characters for one input character.
    public override int MaxOutputCharactersPerInputCharacter => 6;

    public override unsafe int FindFirstCharacterToEncode(char* text, int textLength) =>
        new ReadOnlySpan<char>(text, textLength).IndexOfAny(MustEscape);

    public override bool WillEncode(int unicodeScalar) => unicodeScalar is < 0x20 or '"' or '\\';

    public override unsafe bool TryEncodeUnicodeScalar(int unicodeScalar, char* buffer, int bufferLength, out int numberOfCharactersWritten)
    {
        var destination = new Span<char>(buffer, bufferLength);
        if (!WillEncode(unicodeScalar))
        {
            var written = new Rune(unicodeScalar).TryEncodeToUtf16(destination, out numberOfCharactersWritten);
            return written;
        }

        // The short forms match Python's json module, so both writers produce the same bytes.
        var shortForm = unicodeScalar switch
        {
            '"' => '"',
            '\\' => '\\',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            '\b' => 'b',
            '\f' => 'f',
            _ => '\0',
        };

        if (shortForm != '\0')
        {
            if (bufferLength < 2)
            {
                numberOfCharactersWritten = 0;
                return false;
            }

            destination[0] = '\\';
            destination[1] = shortForm;
            numberOfCharactersWritten = 2;
            return true;
        }

        if (bufferLength < 6)
        {
            numberOfCharactersWritten = 0;
            return false;
        }

        const string Hex = "0123456789abcdef";
        destination[0] = '\\';
        destination[1] = 'u';
        destination[2] = '0';
        destination[3] = '0';
        destination[4] = Hex[(unicodeScalar >> 4) & 0xF];
        destination[5] = Hex[unicodeScalar & 0xF];
        numberOfCharactersWritten = 6;
        return true;
    }
}
