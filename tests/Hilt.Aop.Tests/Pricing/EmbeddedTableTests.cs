using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hilt.Aop.Tests.Pricing;

/// <summary>Checks the embedded table against the reference CSV it was generated from, so a typo cannot slip in.</summary>
public class EmbeddedTableTests
{
    private static readonly Regex MainModels = new(
        @"^(gpt-4o(-mini)?(-\d{4}-\d{2}-\d{2})?|gpt-4\.1.*|o1.*|o3.*|claude-(sonnet|opus|haiku)-4.*|gemini-2\.5-(pro|flash).*)$",
        RegexOptions.CultureInvariant);

    [Fact]
    public void DefaultTable_MainModels_MatchTheReferenceCsv()
    {
        var csv = FindCsv();
        Assert.True(csv is not null, "../shared/data/model-prices.csv was not found next to the folder holding Hilt.Aop.sln.");

        var rows = ReadCsv(csv!).Where(r => MainModels.IsMatch(r["model"])).ToList();
        Assert.True(rows.Count >= 40, $"only {rows.Count} main-model rows in the CSV");
        foreach (var expected in rows)
        {
            var model = expected["model"];
            var actual = HiltPriceTable.Default.Models.SingleOrDefault(m => m.Model == model);
            Assert.True(actual is not null, $"{model} is missing from the embedded table");
            Assert.Equal(Price(expected["input_usd_per_1m"]), actual!.InputUsdPerMillion);
            Assert.Equal(Price(expected["output_usd_per_1m"]), actual.OutputUsdPerMillion);
            Assert.Equal(OptionalPrice(expected["cached_input_usd_per_1m"]), actual.CachedInputUsdPerMillion);
            Assert.Equal(OptionalPrice(expected["cache_write_usd_per_1m"]), actual.CacheWriteUsdPerMillion);
            Assert.Equal(DateOnly.ParseExact(expected["updated"], "yyyy-MM-dd", CultureInfo.InvariantCulture), actual.AsOf);

            var tiers = expected["other_tiers"].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.Equal(tiers.Length, actual.Tiers.Count);
            for (var i = 0; i < tiers.Length; i++)
            {
                var prices = Regex.Match(tiers[i], @"in=(?<in>[0-9.]+) cached=(?<cached>[0-9.]*) out=(?<out>[0-9.]+)$");
                Assert.True(prices.Success, tiers[i]);
                Assert.Equal(Price(prices.Groups["in"].Value), actual.Tiers[i].InputUsdPerMillion);
                Assert.Equal(OptionalPrice(prices.Groups["cached"].Value), actual.Tiers[i].CachedInputUsdPerMillion);
                Assert.Equal(Price(prices.Groups["out"].Value), actual.Tiers[i].OutputUsdPerMillion);
                if (Regex.Match(tiers[i], @"gt (\d+)\]") is { Success: true } threshold)
                {
                    Assert.Equal(long.Parse(threshold.Groups[1].Value, CultureInfo.InvariantCulture), actual.Tiers[i].PromptTokensAbove);
                }
            }
        }
    }

    [Fact]
    public void DefaultTable_EveryCsvRowWithTokenPrices_IsPresent_TotalOnlyRowsAreNot()
    {
        var csv = FindCsv();
        Assert.True(csv is not null, "../shared/data/model-prices.csv was not found next to the folder holding Hilt.Aop.sln.");

        foreach (var row in ReadCsv(csv!))
        {
            var priced = row["input_usd_per_1m"].Length > 0 && row["output_usd_per_1m"].Length > 0;
            Assert.True(priced == HiltPriceTable.Default.Models.Any(m => m.Model == row["model"]), row["model"]);
        }
    }

    [Fact]
    public void DefaultTable_PinnedPrices_AreTheListPrices()
    {
        // Checked by hand against the providers' pages as carried by the CSV (USD per 1M: input, cached, output).
        AssertRow("gpt-4o", 2.5m, 1.25m, 10m);
        AssertRow("gpt-4o-mini", 0.15m, 0.075m, 0.6m);
        AssertRow("gpt-4.1", 2m, 0.5m, 8m);
        AssertRow("o1-mini", 1.1m, 0.55m, 4.4m);
        AssertRow("claude-opus-4-1-20250805", 15m, 1.5m, 75m);
        AssertRow("gemini-2.5-flash", 0.3m, 0.03m, 2.5m);
    }

    private static void AssertRow(string model, decimal input, decimal cached, decimal output)
    {
        var row = HiltPriceTable.Default.Find(model)!;
        Assert.Equal((input, cached, output), (row.InputUsdPerMillion, row.CachedInputUsdPerMillion!.Value, row.OutputUsdPerMillion));
    }

    private static decimal Price(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static decimal? OptionalPrice(string text) => text.Length == 0 ? null : Price(text);

    private static string? FindCsv()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hilt.Aop.sln")))
            {
                var csv = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "model-prices.csv"));
                return File.Exists(csv) ? csv : null;
            }
        }

        return null;
    }

    private static List<Dictionary<string, string>> ReadCsv(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).Select(SplitCsvLine).ToList();
        var header = lines[0];
        return lines.Skip(1).Select(fields =>
        {
            Assert.Equal(header.Count, fields.Count);
            return header.Zip(fields).ToDictionary(p => p.First, p => p.Second.Trim(), StringComparer.Ordinal);
        }).ToList();
    }

    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
