using System.Globalization;
using System.Text.Json;

namespace Hilt.Aop;

/// <summary>Turns one parsed JSONL object into a <see cref="HiltEvent"/>, accepting both Hilt.Aop's and the Python package's forms.</summary>
/// <remarks>
/// Integers read back as <see cref="long"/>, other numbers as <see cref="double"/>, <c>cost_usd</c> as <see cref="decimal"/>
/// (from a number or from the Python writer's string). <c>cost_usd_display</c> and unknown top-level keys are ignored;
/// a <c>null</c> optional key counts as absent.
/// </remarks>
internal static class HiltJsonlEventParser
{
    public static HiltEvent Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"A HILT line must be a JSON object, not {root.ValueKind}.");
        }

        // One pass over the keys: property lookups by name would scan the object once per key.
        string? eventId = null, timestamp = null, sessionId = null, action = null;
        JsonElement? actor = null, content = null, metrics = null, provenance = null, extensions = null;
        foreach (var property in root.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (property.Name)
            {
                case "event_id": eventId = AsString(value, "event_id"); break;
                case "timestamp": timestamp = AsString(value, "timestamp"); break;
                case "session_id": sessionId = AsString(value, "session_id"); break;
                case "action": action = AsString(value, "action"); break;
                case "actor": actor = value; break;
                case "content": content = value; break;
                case "metrics": metrics = value; break;
                case "provenance": provenance = value; break;
                case "extensions": extensions = value; break;
            }
        }

        var parsedActor = ParseActor(actor ?? throw Missing("actor"));
        try
        {
            return new HiltEvent(
                eventId ?? throw Missing("event_id"),
                ParseTimestamp(timestamp ?? throw Missing("timestamp")),
                sessionId ?? throw Missing("session_id"),
                parsedActor,
                action ?? throw Missing("action"))
            {
                Content = content is { } c ? ParseContent(c) : null,
                Metrics = metrics is { } m ? ParseMetrics(m) : null,
                Provenance = AsMap(provenance),
                Extensions = AsMap(extensions),
            };
        }
        catch (ArgumentException ex)
        {
            throw new FormatException(ex.Message, ex);
        }
    }

    /// <summary>Parses an ISO 8601 timestamp: <c>Z</c> or an offset (none means UTC), any number of fraction digits.</summary>
    public static DateTimeOffset ParseTimestamp(string text)
    {
        const DateTimeStyles Styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, Styles, out var value))
        {
            return value;
        }

        // .NET keeps at most 7 fraction digits (100 ns); cut longer fractions before parsing again.
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7
                && DateTimeOffset.TryParse(string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end)), CultureInfo.InvariantCulture, Styles, out value))
            {
                return value;
            }
        }

        throw new FormatException($"'timestamp' is not an ISO 8601 date and time: '{text}'.");
    }

    public static object? ToFreeForm(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    map[property.Name] = ToFreeForm(property.Value);
                }

                return new FrozenMap(map);
            case JsonValueKind.Array:
                var items = new object?[element.GetArrayLength()];
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    items[i++] = ToFreeForm(item);
                }

                return new FrozenList(items);
            case JsonValueKind.String:
                return element.GetString();
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var integer))
                {
                    return integer;
                }

                return element.TryGetDouble(out var real) && double.IsFinite(real) ? real : element.GetRawText();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                return null;
        }
    }

    private static HiltActor ParseActor(JsonElement actor)
    {
        if (actor.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("'actor' must be an object.");
        }

        string? type = null, id = null, name = null;
        JsonElement? metadata = null;
        foreach (var property in actor.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            switch (property.Name)
            {
                case "type": type = AsString(value, "actor.type"); break;
                case "id": id = AsString(value, "actor.id"); break;
                case "name": name = AsText(value); break;
                case "metadata": metadata = value; break;
            }
        }

        try
        {
            return new HiltActor(type ?? throw Missing("actor.type"), id ?? throw Missing("actor.id"), name, AsMap(metadata));
        }
        catch (ArgumentException ex)
        {
            throw new FormatException($"'actor.type': {ex.Message}", ex);
        }
    }

    private static HiltContent ParseContent(JsonElement content)
    {
        if (content.ValueKind != JsonValueKind.Object)
        {
            // Tolerate a bare string as the text.
            return new HiltContent(AsText(content));
        }

        string? text = null;
        IReadOnlyList<object?>? images = null;
        JsonElement? metadata = null;
        Dictionary<string, object?>? extra = null;
        foreach (var property in content.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "text": text = value.ValueKind == JsonValueKind.Null ? null : AsText(value); break;
                case "images": images = value.ValueKind == JsonValueKind.Array ? (IReadOnlyList<object?>?)ToFreeForm(value) : null; break;
                case "metadata": metadata = value; break;
                default: (extra ??= new Dictionary<string, object?>(StringComparer.Ordinal))[property.Name] = ToFreeForm(value); break;
            }
        }

        return new HiltContent(text)
        {
            Images = images,
            Metadata = AsMap(metadata),
            Extra = extra is null ? null : new FrozenMap(extra),
        };
    }

    private static HiltMetrics ParseMetrics(JsonElement metrics)
    {
        if (metrics.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("'metrics' must be an object.");
        }

        HiltTokens? tokens = null;
        decimal? cost = null;
        long? latency = null;
        Dictionary<string, object?>? extra = null;
        foreach (var property in metrics.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "tokens": tokens = ParseTokens(value); break;
                case "cost_usd": cost = ParseCost(value); break;
                case "latency_ms": latency = AsInteger(value, "metrics.latency_ms"); break;
                case "cost_usd_display": break;
                default: (extra ??= new Dictionary<string, object?>(StringComparer.Ordinal))[property.Name] = ToFreeForm(value); break;
            }
        }

        return new HiltMetrics
        {
            Tokens = tokens,
            CostUsd = cost,
            LatencyMs = latency,
            Extra = extra is null ? null : new FrozenMap(extra),
        };
    }

    private static HiltTokens? ParseTokens(JsonElement tokens)
    {
        if (tokens.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        long? prompt = null, completion = null, total = null, cached = null, cacheWrite = null, reasoning = null;
        foreach (var property in tokens.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "prompt": prompt = AsInteger(value, "tokens.prompt"); break;
                case "completion": completion = AsInteger(value, "tokens.completion"); break;
                case "total": total = AsInteger(value, "tokens.total"); break;
                case "cached": cached = AsInteger(value, "tokens.cached"); break;
                case "cache_write": cacheWrite = AsInteger(value, "tokens.cache_write"); break;
                case "reasoning": reasoning = AsInteger(value, "tokens.reasoning"); break;
            }
        }

        return new HiltTokens { Prompt = prompt, Completion = completion, Total = total, Cached = cached, CacheWrite = cacheWrite, Reasoning = reasoning };
    }

    private static decimal? ParseCost(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.TryGetDecimal(out var number) ? number : (decimal)element.GetDouble();
        }

        // The Python writer stores cost as a 6-decimal string.
        if (element.ValueKind == JsonValueKind.String)
        {
            var text = element.GetString();
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }

            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }
        }

        throw new FormatException($"'metrics.cost_usd' is not a number: {element.GetRawText()}.");
    }

    private static long? AsInteger(JsonElement element, string name)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number)
        {
            if (element.TryGetInt64(out var integer))
            {
                return integer;
            }

            if (element.TryGetDouble(out var real) && double.IsFinite(real))
            {
                return (long)Math.Round(real, MidpointRounding.AwayFromZero);
            }
        }

        if (element.ValueKind == JsonValueKind.String
            && long.TryParse(element.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fromText))
        {
            return fromText;
        }

        throw new FormatException($"'{name}' is not an integer: {element.GetRawText()}.");
    }

    private static IReadOnlyDictionary<string, object?>? AsMap(JsonElement? element) =>
        element is { ValueKind: JsonValueKind.Object } map ? (IReadOnlyDictionary<string, object?>?)ToFreeForm(map) : null;

    private static string? AsText(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText();

    private static string AsString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new FormatException($"'{name}' must be a string.");

    private static FormatException Missing(string name) => new($"The required key '{name}' is missing.");
}
