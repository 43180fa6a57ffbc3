using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hilt.Aop.GoogleSheets;

/// <summary>Writes cell values as typed JSON: numbers as numbers, text as text.</summary>
internal static class CellWriter
{
    /// <summary>Gets writer options that keep text readable; the bodies go to an API, never into HTML.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes one value; <paramref name="nullAsEmpty"/> turns a missing value into an empty cell.</summary>
    public static void Write(Utf8JsonWriter writer, object? value, bool nullAsEmpty)
    {
        switch (value)
        {
            case null:
                WriteNull(writer, nullAsEmpty);
                break;
            case string or bool or int or long or decimal or double or float or short or byte or sbyte or ushort or uint or ulong:
                // Scalars exactly as the JSONL file has them: typed numbers, NaN as text, lone surrogates replaced.
                HiltJsonlWriter.WriteValue(writer, value);
                break;
            case JsonElement element:
                WriteElement(writer, element, nullAsEmpty);
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }

    private static void WriteElement(Utf8JsonWriter writer, JsonElement element, bool nullAsEmpty)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
            case JsonValueKind.Number:
            case JsonValueKind.True:
            case JsonValueKind.False:
                element.WriteTo(writer);
                break;
            case JsonValueKind.Null:
            case JsonValueKind.Undefined:
                WriteNull(writer, nullAsEmpty);
                break;
            default:
                writer.WriteStringValue(element.GetRawText());
                break;
        }
    }

    private static void WriteNull(Utf8JsonWriter writer, bool nullAsEmpty)
    {
        if (nullAsEmpty)
        {
            writer.WriteStringValue(string.Empty);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
