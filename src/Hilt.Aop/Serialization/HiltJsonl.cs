using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Hilt.Aop;

/// <summary>Converts HILT events to and from their one-line JSON form (the HILT JSONL format).</summary>
/// <remarks>
/// The line has the format's key order, leaves out empty optional keys, writes the timestamp as
/// <c>yyyy-MM-ddTHH:mm:ss.ffffff+00:00</c>, <c>cost_usd</c> as an exact JSON number, and non-ASCII text as raw
/// UTF-8; unpaired surrogates become U+FFFD. The methods are thread-safe.
/// </remarks>
public static class HiltJsonl
{
    /// <summary>Serializes an event to its JSONL line, without the trailing newline.</summary>
    /// <param name="hiltEvent">The event.</param>
    /// <returns>The JSON text of the line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hiltEvent"/> is <see langword="null"/>.</exception>
    public static string Serialize(HiltEvent hiltEvent) => Encoding.UTF8.GetString(SerializeToUtf8Bytes(hiltEvent));

    /// <summary>Serializes an event to the UTF-8 bytes of its JSONL line, without the trailing newline.</summary>
    /// <param name="hiltEvent">The event.</param>
    /// <returns>The UTF-8 bytes of the line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hiltEvent"/> is <see langword="null"/>.</exception>
    public static byte[] SerializeToUtf8Bytes(HiltEvent hiltEvent)
    {
        Throw.IfNull(hiltEvent);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, HiltJsonlWriter.Options))
        {
            HiltJsonlWriter.WriteEvent(writer, hiltEvent);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parses one JSONL line written by Hilt.Aop or by the Python HILT package.</summary>
    /// <param name="line">The line, with or without its trailing newline.</param>
    /// <returns>The event.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="line"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The line is not valid JSON or not a valid HILT event.</exception>
    public static HiltEvent Deserialize(string line)
    {
        Throw.IfNull(line);
        try
        {
            using var document = JsonDocument.Parse(line);
            return HiltJsonlEventParser.Parse(document.RootElement);
        }
        catch (JsonException ex)
        {
            throw new FormatException($"The line is not valid JSON: {ex.Message}", ex);
        }
    }
}
