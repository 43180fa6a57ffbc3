using System.Globalization;
using System.Text.Json;

namespace Hilt.Aop;

/// <summary>Reads the price table's JSON shape (the embedded <c>model-prices.json</c> and users' price files).</summary>
/// <remarks>
/// <code>
/// { "models": [ { "model": "gpt-4o", "provider": "openai", "aliases": ["..."],
///                 "input_usd_per_1m": 2.5, "cached_input_usd_per_1m": 1.25, "cache_write_usd_per_1m": 3.75,
///                 "output_usd_per_1m": 10, "source": "...", "as_of": "2026-08-20",
///                 "tiers": [ { "name": "Fast mode", "when": { "service_tier": ["priority"], "prompt_tokens_above": 200000 },
///                              "input_usd_per_1m": 4.25, "cached_input_usd_per_1m": 2.125, "output_usd_per_1m": 17 } ] } ] }
/// </code>
/// Numbers are read as exact decimals. Unknown keys are ignored, so the file may carry comments as extra keys.
/// </remarks>
internal static class PriceTableJson
{
    private const string PromptTokensAbove = "prompt_tokens_above";

    public static IReadOnlyList<HiltModelPrice> Read(Stream json, string origin)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return Read(document.RootElement, origin);
    }

    public static IReadOnlyList<HiltModelPrice> Read(string json, string origin)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return Read(document.RootElement, origin);
    }

    private static List<HiltModelPrice> Read(JsonElement root, string origin)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{origin}: expected an object with a \"models\" array.");
        }

        var rows = new List<HiltModelPrice>(models.GetArrayLength());
        var index = 0;
        foreach (var row in models.EnumerateArray())
        {
            var where = $"{origin}: models[{index++}]";
            try
            {
                rows.Add(ReadRow(row, where));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
            {
                throw new FormatException($"{where}: {ex.Message}", ex);
            }
        }

        return rows;
    }

    private static HiltModelPrice ReadRow(JsonElement row, string where)
    {
        if (row.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("expected an object.");
        }

        var model = RequiredString(row, "model");
        return new HiltModelPrice(model, RequiredPrice(row, "input_usd_per_1m"), RequiredPrice(row, "output_usd_per_1m"))
        {
            CachedInputUsdPerMillion = OptionalPrice(row, "cached_input_usd_per_1m"),
            CacheWriteUsdPerMillion = OptionalPrice(row, "cache_write_usd_per_1m"),
            Provider = OptionalString(row, "provider"),
            Aliases = Strings(row, "aliases"),
            Tiers = Tiers(row, where),
            Source = OptionalString(row, "source"),
            AsOf = OptionalString(row, "as_of") is { } date
                ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null,
        };
    }

    private static List<HiltPriceTier> Tiers(JsonElement row, string where)
    {
        var tiers = new List<HiltPriceTier>();
        if (!row.TryGetProperty("tiers", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return tiers;
        }

        foreach (var tier in array.EnumerateArray())
        {
            string? parameter = null;
            IReadOnlyList<string> values = [];
            long? threshold = null;
            if (tier.TryGetProperty("when", out var when) && when.ValueKind == JsonValueKind.Object)
            {
                foreach (var condition in when.EnumerateObject())
                {
                    if (condition.NameEquals(PromptTokensAbove))
                    {
                        threshold = condition.Value.GetInt64();
                    }
                    else if (parameter is null)
                    {
                        parameter = condition.Name;
                        values = [.. condition.Value.EnumerateArray().Select(v => v.GetString() ?? string.Empty)];
                    }
                    else
                    {
                        throw new FormatException($"tier conditions on two parameters ({parameter}, {condition.Name}) are not supported.");
                    }
                }
            }

            if (parameter is null && threshold is null)
            {
                throw new FormatException($"a tier needs a \"when\" condition ({where}).");
            }

            tiers.Add(new HiltPriceTier(RequiredString(tier, "name"), RequiredPrice(tier, "input_usd_per_1m"), RequiredPrice(tier, "output_usd_per_1m"))
            {
                CachedInputUsdPerMillion = OptionalPrice(tier, "cached_input_usd_per_1m"),
                CacheWriteUsdPerMillion = OptionalPrice(tier, "cache_write_usd_per_1m"),
                Parameter = parameter,
                ParameterValues = values,
                PromptTokensAbove = threshold,
            });
        }

        return tiers;
    }

    private static string RequiredString(JsonElement element, string name) =>
        OptionalString(element, name) ?? throw new FormatException($"\"{name}\" is required.");

    private static string? OptionalString(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    private static decimal RequiredPrice(JsonElement element, string name) =>
        OptionalPrice(element, name) ?? throw new FormatException($"\"{name}\" is required.");

    private static decimal? OptionalPrice(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetDecimal() : null;

    private static string[] Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Select(v => v.GetString() ?? string.Empty).Where(s => s.Length > 0)]
            : [];
}
