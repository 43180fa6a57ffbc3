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

        var eventId = RequiredString(root, "event_id");
        var timestamp = ParseTimestamp(RequiredString(root, "timestamp"));
        var sessionId = RequiredString(root, "session_id");
        var actor = ParseActor(Required(root, "actor"));
        var action = RequiredString(root, "action");

        try
        {
            return new HiltEvent(eventId, timestamp, sessionId, actor, action)
            {
                Content = Optional(root, "content") is { } content ? ParseContent(content) : null,
                Metrics = Optional(root, "metrics") is { } metrics ? ParseMetrics(metrics) : null,
                Provenance = OptionalMap(root, "provenance"),
                Extensions = OptionalMap(root, "extensions"),
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

        try
        {
            return new HiltActor(
                RequiredString(actor, "type", "actor.type"),
                RequiredString(actor, "id", "actor.id"),
                OptionalString(actor, "name"),
                OptionalMap(actor, "metadata"));
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
            return new HiltContent(content.ValueKind == JsonValueKind.String ? content.GetString() : content.GetRawText());
        }

        Dictionary<string, object?>? extra = null;
        foreach (var property in content.EnumerateObject())
        {
            if (property.Name is not ("text" or "images" or "metadata"))
            {
                (extra ??= new Dictionary<string, object?>(StringComparer.Ordinal))[property.Name] = ToFreeForm(property.Value);
            }
        }

        var text = Optional(content, "text") is { } textElement
            ? textElement.ValueKind == JsonValueKind.String ? textElement.GetString() : textElement.GetRawText()
            : null;
        return new HiltContent(text)
        {
            Images = Optional(content, "images") is { ValueKind: JsonValueKind.Array } images ? (IReadOnlyList<object?>?)ToFreeForm(images) : null,
            Metadata = OptionalMap(content, "metadata"),
            Extra = extra is null ? null : new FrozenMap(extra),
        };
    }

    private static HiltMetrics ParseMetrics(JsonElement metrics)
    {
        if (metrics.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("'metrics' must be an object.");
        }

        Dictionary<string, object?>? extra = null;
        foreach (var property in metrics.EnumerateObject())
        {
            if (property.Name is not ("tokens" or "cost_usd" or "latency_ms" or "cost_usd_display"))
            {
                (extra ??= new Dictionary<string, object?>(StringComparer.Ordinal))[property.Name] = ToFreeForm(property.Value);
            }
        }

        HiltTokens? tokens = null;
        if (Optional(metrics, "tokens") is { ValueKind: JsonValueKind.Object } tokenElement)
        {
            tokens = new HiltTokens
            {
                Prompt = OptionalInteger(tokenElement, "prompt"),
                Completion = OptionalInteger(tokenElement, "completion"),
                Total = OptionalInteger(tokenElement, "total"),
                Cached = OptionalInteger(tokenElement, "cached"),
                CacheWrite = OptionalInteger(tokenElement, "cache_write"),
                Reasoning = OptionalInteger(tokenElement, "reasoning"),
            };
        }

        return new HiltMetrics
        {
            Tokens = tokens,
            CostUsd = ParseCost(Optional(metrics, "cost_usd")),
            LatencyMs = OptionalInteger(metrics, "latency_ms"),
            Extra = extra is null ? null : new FrozenMap(extra),
        };
    }

    private static decimal? ParseCost(JsonElement? cost)
    {
        if (cost is not { } element)
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

    private static long? OptionalInteger(JsonElement parent, string name)
    {
        if (Optional(parent, name) is not { } element)
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

    private static IReadOnlyDictionary<string, object?>? OptionalMap(JsonElement parent, string name) =>
        Optional(parent, name) is { ValueKind: JsonValueKind.Object } element ? (IReadOnlyDictionary<string, object?>?)ToFreeForm(element) : null;

    private static string? OptionalString(JsonElement parent, string name) =>
        Optional(parent, name) is { } element ? element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText() : null;

    private static JsonElement? Optional(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JsonElement Required(JsonElement parent, string name, string? path = null) =>
        Optional(parent, name) ?? throw new FormatException($"The required key '{path ?? name}' is missing.");

    private static string RequiredString(JsonElement parent, string name, string? path = null)
    {
        var element = Required(parent, name, path);
        return element.ValueKind == JsonValueKind.String
            ? element.GetString()!
            : throw new FormatException($"'{path ?? name}' must be a string.");
    }
}
