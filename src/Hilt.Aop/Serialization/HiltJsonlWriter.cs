using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hilt.Aop;

/// <summary>Writes HILT events (and projected column rows) as one-line JSON objects with <see cref="Utf8JsonWriter"/>.</summary>
/// <remarks>
/// No reflection: every value is written by type test. Keys keep the format's order; optional keys are
/// left out when empty, never written as <c>null</c>. Extra keys that collide with a known key are skipped
/// so a line never holds the same key twice.
/// </remarks>
internal static class HiltJsonlWriter
{
    private static readonly string[] ContentKeys = ["text", "images", "metadata"];

    // cost_usd_display is the Python writer's locale string; Hilt never writes it back.
    private static readonly string[] MetricsKeys = ["tokens", "cost_usd", "latency_ms", "cost_usd_display"];

    /// <summary>Gets the writer options: compact, raw UTF-8, depth-checked.</summary>
    public static JsonWriterOptions Options { get; } = new() { Encoder = HiltJsonEncoder.Instance, Indented = false };

    public static void WriteEvent(Utf8JsonWriter writer, HiltEvent e)
    {
        writer.WriteStartObject();
        WriteString(writer, "event_id", e.EventId);
        WriteTimestamp(writer, e.Timestamp);
        WriteString(writer, "session_id", e.SessionId);
        WriteActor(writer, e.Actor);
        WriteString(writer, "action", e.Action);
        WriteContent(writer, e.Content);
        WriteMetrics(writer, e.Metrics);
        WriteMap(writer, "provenance", e.Provenance);
        WriteMap(writer, "extensions", e.Extensions);
        writer.WriteEndObject();
    }

    /// <summary>Writes a projected row: <c>{column: value}</c> in the given order, <c>null</c> for a missing value.</summary>
    public static void WriteProjected(Utf8JsonWriter writer, IReadOnlyList<string> names, object?[] values)
    {
        writer.WriteStartObject();
        for (var i = 0; i < names.Count; i++)
        {
            writer.WritePropertyName(names[i]);
            WriteValue(writer, values[i]);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a free-form value faithfully: maps as objects, sequences as arrays, numbers as numbers.</summary>
    public static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(Utf16Text.ReplaceLoneSurrogates(text));
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case double number:
                WriteDouble(writer, number);
                break;
            case float number:
                if (float.IsFinite(number))
                {
                    writer.WriteNumberValue(number);
                }
                else
                {
                    writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case short number:
                writer.WriteNumberValue(number);
                break;
            case byte number:
                writer.WriteNumberValue(number);
                break;
            case sbyte number:
                writer.WriteNumberValue(number);
                break;
            case ushort number:
                writer.WriteNumberValue(number);
                break;
            case uint number:
                writer.WriteNumberValue(number);
                break;
            case ulong number:
                writer.WriteNumberValue(number);
                break;
            case Half number:
                WriteDouble(writer, (double)number);
                break;
            case Int128 or UInt128 or System.Numerics.BigInteger:
                // Integers beyond 64 bits: their exact digits, still a JSON number.
                writer.WriteRawValue(((IFormattable)value).ToString(null, CultureInfo.InvariantCulture), skipInputValidation: true);
                break;
            case char character:
                writer.WriteStringValue(Utf16Text.ReplaceLoneSurrogates(character.ToString()));
                break;
            case JsonElement element:
                element.WriteTo(writer);
                break;
            case JsonDocument document:
                document.RootElement.WriteTo(writer);
                break;
            case JsonNode node:
                node.WriteTo(writer);
                break;
            case DateTimeOffset time:
                writer.WriteStringValue(time);
                break;
            case DateTime time:
                writer.WriteStringValue(time);
                break;
            case Guid guid:
                writer.WriteStringValue(guid);
                break;
            case TimeSpan span:
                writer.WriteStringValue(span.ToString("c", CultureInfo.InvariantCulture));
                break;
            case Enum member:
                writer.WriteStringValue(member.ToString());
                break;
            case IReadOnlyDictionary<string, object?> map:
                WriteObject(writer, map);
                break;
            case IDictionary dictionary:
                writer.WriteStartObject();
                foreach (DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Utf16Text.ReplaceLoneSurrogates(Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty));
                    WriteValue(writer, entry.Value);
                }

                writer.WriteEndObject();
                break;
            case IEnumerable sequence:
                writer.WriteStartArray();
                foreach (var item in sequence)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            case IFormattable formattable:
                writer.WriteStringValue(Utf16Text.ReplaceLoneSurrogates(formattable.ToString(null, CultureInfo.InvariantCulture)));
                break;
            default:
                var textValue = value.ToString();
                if (textValue is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    writer.WriteStringValue(Utf16Text.ReplaceLoneSurrogates(textValue));
                }

                break;
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, double number)
    {
        // JSON has no NaN or infinity: write them as the strings .NET and Python both parse back.
        if (double.IsFinite(number))
        {
            writer.WriteNumberValue(number);
        }
        else
        {
            writer.WriteStringValue(number.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static void WriteTimestamp(Utf8JsonWriter writer, DateTimeOffset timestamp)
    {
        // Always six fraction digits and "+00:00": Python 3.10's fromisoformat takes nothing else.
        Span<char> buffer = stackalloc char[32];
        timestamp.UtcDateTime.TryFormat(buffer, out var length, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff", CultureInfo.InvariantCulture);
        "+00:00".AsSpan().CopyTo(buffer[length..]);
        writer.WriteString("timestamp", buffer[..(length + 6)]);
    }

    private static void WriteActor(Utf8JsonWriter writer, HiltActor actor)
    {
        writer.WriteStartObject("actor");
        WriteString(writer, "type", actor.Type);
        WriteString(writer, "id", actor.Id);
        if (actor.Name is not null)
        {
            WriteString(writer, "name", actor.Name);
        }

        WriteMap(writer, "metadata", actor.Metadata);
        writer.WriteEndObject();
    }

    private static void WriteContent(Utf8JsonWriter writer, HiltContent? content)
    {
        if (content is null
            || (content.Text is null && IsEmpty(content.Images) && IsEmpty(content.Metadata) && IsEmpty(content.Extra)))
        {
            return;
        }

        writer.WriteStartObject("content");
        if (content.Text is not null)
        {
            WriteString(writer, "text", content.Text);
        }

        if (!IsEmpty(content.Images))
        {
            writer.WritePropertyName("images");
            WriteValue(writer, content.Images);
        }

        WriteMap(writer, "metadata", content.Metadata);
        WriteExtra(writer, content.Extra, ContentKeys);
        writer.WriteEndObject();
    }

    private static void WriteMetrics(Utf8JsonWriter writer, HiltMetrics? metrics)
    {
        if (metrics is null)
        {
            return;
        }

        var tokens = metrics.Tokens;
        var hasTokens = tokens is not null
            && (tokens.Prompt ?? tokens.Completion ?? tokens.Total ?? tokens.Cached ?? tokens.CacheWrite ?? tokens.Reasoning) is not null;
        if (!hasTokens && metrics.CostUsd is null && metrics.LatencyMs is null && IsEmpty(metrics.Extra))
        {
            return;
        }

        writer.WriteStartObject("metrics");
        if (hasTokens)
        {
            writer.WriteStartObject("tokens");
            WriteOptionalNumber(writer, "prompt", tokens!.Prompt);
            WriteOptionalNumber(writer, "completion", tokens.Completion);
            WriteOptionalNumber(writer, "total", tokens.Total);
            WriteOptionalNumber(writer, "cached", tokens.Cached);
            WriteOptionalNumber(writer, "cache_write", tokens.CacheWrite);
            WriteOptionalNumber(writer, "reasoning", tokens.Reasoning);
            writer.WriteEndObject();
        }

        if (metrics.CostUsd is { } cost)
        {
            // The decimal's own digits: exact, never rounded, never in exponent form.
            writer.WriteNumber("cost_usd", cost);
        }

        WriteOptionalNumber(writer, "latency_ms", metrics.LatencyMs);
        WriteExtra(writer, metrics.Extra, MetricsKeys);
        writer.WriteEndObject();
    }

    private static void WriteOptionalNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
    }

    private static void WriteMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, object?>? map)
    {
        if (IsEmpty(map))
        {
            return;
        }

        writer.WritePropertyName(name);
        WriteObject(writer, map!);
    }

    private static void WriteObject(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?> map)
    {
        writer.WriteStartObject();
        foreach (var pair in map)
        {
            writer.WritePropertyName(Utf16Text.ReplaceLoneSurrogates(pair.Key));
            WriteValue(writer, pair.Value);
        }

        writer.WriteEndObject();
    }

    private static void WriteExtra(Utf8JsonWriter writer, IReadOnlyDictionary<string, object?>? extra, string[] reserved)
    {
        if (IsEmpty(extra))
        {
            return;
        }

        foreach (var pair in extra!)
        {
            if (Array.IndexOf(reserved, pair.Key) >= 0)
            {
                continue;
            }

            writer.WritePropertyName(Utf16Text.ReplaceLoneSurrogates(pair.Key));
            WriteValue(writer, pair.Value);
        }
    }

    private static void WriteString(Utf8JsonWriter writer, string name, string value) =>
        writer.WriteString(name, Utf16Text.ReplaceLoneSurrogates(value));

    private static bool IsEmpty<T>(IReadOnlyCollection<T>? collection) => collection is null || collection.Count == 0;
}
