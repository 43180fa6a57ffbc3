namespace Hilt.Aop.Tests.Pricing;

public class HiltPriceTableTests
{
    private static readonly HiltPriceTable Table = HiltPriceTable.Default;

    [Fact]
    public void GetCost_Gpt4oMini_IsExact()
    {
        var cost = Table.GetCost("gpt-4o-mini", new HiltTokens { Prompt = 1000, Completion = 500 });

        Assert.Equal(0.00045m, cost);
        Assert.Equal("0.00045", cost!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GetCost_Gpt4oMiniWithCachedTokens_BillsCachedPartAtCachedPrice()
    {
        var cost = Table.GetCost("gpt-4o-mini", new HiltTokens { Prompt = 1000, Completion = 500, Cached = 400 });

        Assert.Equal(0.00042m, cost);
        Assert.Equal("0.00042", cost!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("gpt-4o-2024-08-06")]
    [InlineData("openai/gpt-4o")]
    [InlineData("GPT-4O")]
    [InlineData(" gpt-4o ")]
    public void GetCost_SpellingsOfGpt4o_PriceAsGpt4o(string name)
    {
        var tokens = new HiltTokens { Prompt = 12_345, Completion = 678, Cached = 1_000 };

        var expected = ((11_345m * 2.5m) + (1_000m * 1.25m) + (678m * 10m)) / 1_000_000m;
        Assert.Equal(expected, Table.GetCost(name, tokens));
    }

    [Theory]
    [InlineData("gpt-4o-2099-01-01", "gpt-4o")]
    [InlineData("gpt-4.1-mini-2099-12-31", "gpt-4.1-mini")]
    [InlineData("openai/gpt-4.1-nano-2099-12-31", "gpt-4.1-nano")]
    [InlineData("claude-sonnet-4-5", "claude-sonnet-4-5-20250929")]
    [InlineData("anthropic/claude-sonnet-4-5", "claude-sonnet-4-5-20250929")]
    [InlineData("claude-sonnet-4-5@20250929", "claude-sonnet-4-5-20250929")]
    [InlineData("claude-opus-4-1-20991231", "claude-opus-4-1-20250805")]
    [InlineData("claude-opus-4-6@20991231", "claude-opus-4-6")]
    [InlineData("claude-3-7-sonnet-20250219", "claude-3.7-sonnet-20250219")]
    [InlineData("us.anthropic.claude-sonnet-4-20250514-v1:0", "claude-sonnet-4-20250514")]
    [InlineData("google/gemini-2.5-pro", "gemini-2.5-pro")]
    [InlineData("models/gemini-2.5-flash", "gemini-2.5-flash")]
    [InlineData("gemini-1.0-pro@001", "gemini-1.0-pro")]
    [InlineData("gpt-35-turbo", "gpt-3.5-turbo")]
    [InlineData("ft:gpt-3.5-turbo-0613:acme::8abc123", "ft:gpt-3.5-turbo-0613")]
    public void Find_AliasesPrefixesAndSnapshots_ResolveToTheBaseRow(string name, string expected)
    {
        Assert.Equal(expected, Table.Find(name)?.Model);
    }

    [Theory]
    [InlineData("gpt-4o-mini")]
    [InlineData("gpt-4.1")]
    [InlineData("gpt-4.1-mini")]
    [InlineData("gpt-4.1-nano")]
    [InlineData("o1-mini")]
    [InlineData("o3-mini")]
    [InlineData("o1")]
    [InlineData("o3")]
    [InlineData("gpt-4o-2024-05-13")]
    [InlineData("gpt-4.1-2025-04-14")]
    public void Find_ModelWithItsOwnRow_GetsThatRowNotAShorterName(string name)
    {
        Assert.Equal(name, Table.Find(name)?.Model);
    }

    [Fact]
    public void Find_Gpt41_IsNotPricedAsGpt4()
    {
        var tokens = new HiltTokens { Prompt = 1_000_000, Completion = 0 };

        Assert.Equal(2m, Table.GetCost("gpt-4.1", tokens));
        Assert.Equal(30m, Table.GetCost("gpt-4", tokens));
    }

    [Theory]
    [InlineData("gpt-4.1-turbo")]
    [InlineData("gpt-4o-mini-tts")]
    [InlineData("o1-ultra")]
    [InlineData("gpt-4-foo")]
    [InlineData("claude")]
    [InlineData("my-model")]
    [InlineData("gpt-4o-2024")]
    [InlineData("text-embedding-3-small")]
    [InlineData("")]
    [InlineData(null)]
    public void Find_UnknownOrPrefixOnlyNames_AreNotGuessed(string? name)
    {
        Assert.Null(Table.Find(name));
        Assert.Null(Table.GetCost(name, new HiltTokens { Prompt = 10, Completion = 10 }));
    }

    [Fact]
    public void Models_ListsTheEmbeddedRows_EachWithSourceAndDate()
    {
        Assert.True(Table.Models.Count > 100, $"only {Table.Models.Count} rows");
        Assert.All(Table.Models, row =>
        {
            Assert.False(string.IsNullOrWhiteSpace(row.Source), row.Model);
            Assert.NotNull(row.AsOf);
            Assert.InRange(row.AsOf!.Value, new DateOnly(2023, 1, 1), new DateOnly(2027, 12, 31));
        });
        Assert.Contains(Table.Models, row => row.Model == "gemini-2.5-pro");
        Assert.Equal(Table.Models.Count, Table.Models.Select(row => row.Model.ToLowerInvariant()).Distinct().Count());
    }

    [Fact]
    public void GetCost_AnthropicCacheReadAndWrite_MatchesTheCsvPrices()
    {
        // Anthropic usage: input_tokens excludes cache reads and writes.
        var tokens = ProviderTokens.FromAnthropic(inputTokens: 120, outputTokens: 350, cacheReadInputTokens: 4_000, cacheCreationInputTokens: 900);

        // CSV row claude-sonnet-4-5-20250929: input 3, cached 0.3, cache write 3.75, output 15.
        var expected = ((120m * 3m) + (4_000m * 0.3m) + (900m * 3.75m) + (350m * 15m)) / 1_000_000m;
        Assert.Equal(expected, Table.GetCost("claude-sonnet-4-5-20250929", tokens));
        Assert.Equal(5_020, tokens.Prompt);
        Assert.Equal(4_000, tokens.Cached);
        Assert.Equal(900, tokens.CacheWrite);
    }

    [Fact]
    public void GetCost_Gemini25ProOver200k_UsesTheLongContextTier()
    {
        var tokens = new HiltTokens { Prompt = 250_000, Cached = 50_000, Completion = 2_000 };

        // CSV: "Large Context [: gt 200000] in=2.5 cached=0.25 out=15".
        var expected = ((200_000m * 2.5m) + (50_000m * 0.25m) + (2_000m * 15m)) / 1_000_000m;
        Assert.Equal(expected, Table.GetCost("gemini-2.5-pro", tokens));
    }

    [Fact]
    public void GetCost_Gemini25ProAtExactly200k_UsesTheDefaultPrice()
    {
        var tokens = new HiltTokens { Prompt = 200_000, Completion = 1_000 };

        var expected = ((200_000m * 1.25m) + (1_000m * 10m)) / 1_000_000m;
        Assert.Equal(expected, Table.GetCost("gemini-2.5-pro", tokens));
    }

    [Theory]
    [InlineData("priority", 4.25, 2.125, 17)]
    [InlineData("FAST", 4.25, 2.125, 17)]
    [InlineData("default", 2.5, 1.25, 10)]
    [InlineData(null, 2.5, 1.25, 10)]
    public void GetCost_ServiceTier_SelectsTheTierPrice(string? serviceTier, double input, double cached, double output)
    {
        var tokens = new HiltTokens { Prompt = 3_000, Cached = 1_000, Completion = 700 };

        var expected = ((2_000m * (decimal)input) + (1_000m * (decimal)cached) + (700m * (decimal)output)) / 1_000_000m;
        Assert.Equal(expected, Table.GetCost("gpt-4o", tokens, serviceTier));
    }

    [Fact]
    public void GetCost_FlexAndLongContext_PicksTheTierWithBothConditions()
    {
        var tokens = new HiltTokens { Prompt = 300_000, Completion = 1_000 };

        // gpt-5.4: "Flex · Large context (>272K) [service_tier in ['flex'];: gt 272000] in=2.5 cached=0.25 out=11.25".
        Assert.Equal(((300_000m * 2.5m) + (1_000m * 11.25m)) / 1_000_000m, Table.GetCost("gpt-5.4", tokens, "flex"));

        // Without the service tier, the plain long-context tier: in=5 out=22.5.
        Assert.Equal(((300_000m * 5m) + (1_000m * 22.5m)) / 1_000_000m, Table.GetCost("gpt-5.4", tokens));
    }

    [Fact]
    public void GetCost_TierWithoutCachedPrice_BillsCachedTokensAtTheTierInputPrice()
    {
        var tokens = new HiltTokens { Prompt = 1_000, Cached = 600, Completion = 0 };

        // gpt-4o-2024-05-13 fast mode: in=8.75, no cached price.
        Assert.Equal(1_000m * 8.75m / 1_000_000m, Table.GetCost("gpt-4o-2024-05-13", tokens, "priority"));
    }

    [Fact]
    public void GetCost_ReasoningTokens_AreNotBilledTwice()
    {
        var withReasoning = new HiltTokens { Prompt = 100, Completion = 1_000, Reasoning = 800 };
        var without = new HiltTokens { Prompt = 100, Completion = 1_000 };

        Assert.Equal(Table.GetCost("o3", without), Table.GetCost("o3", withReasoning));
    }

    [Fact]
    public void WithPrices_UserRow_WinsOverEmbeddedRowAndItsAliases()
    {
        var table = Table.WithPrices([new HiltModelPrice("gpt-4o-mini", 1m, 2m), new HiltModelPrice("claude-sonnet-4-5", 7m, 9m)]);
        var tokens = new HiltTokens { Prompt = 1_000_000, Completion = 1_000_000 };

        Assert.Equal(3m, table.GetCost("gpt-4o-mini", tokens));
        Assert.Equal(3m, table.GetCost("openai/gpt-4o-mini", tokens));
        Assert.Equal(16m, table.GetCost("claude-sonnet-4-5", tokens));
        Assert.Equal(18m, table.GetCost("claude-sonnet-4-5-20250929", tokens));
        Assert.Equal(0.75m, Table.GetCost("gpt-4o-mini", tokens));
        Assert.Single(table.Models, row => row.Model == "gpt-4o-mini");
    }

    [Fact]
    public void WithPrices_TwoUserRowsOfOneName_LaterWins()
    {
        var table = HiltPriceTable.Create([new HiltModelPrice("acme-1", 1m, 1m), new HiltModelPrice("ACME-1", 5m, 5m)]);

        Assert.Equal(10m, table.GetCost("acme-1", new HiltTokens { Prompt = 1_000_000, Completion = 1_000_000 }));
        Assert.Single(table.Models);
    }

    [Fact]
    public void Parse_FileShape_ReadsRowsAndTiersExactly()
    {
        var table = HiltPriceTable.Parse("""
            {"models":[{"model":"acme-large","provider":"acme","aliases":["acme-l"],
              "input_usd_per_1m":0.1234567,"cached_input_usd_per_1m":0.01,"output_usd_per_1m":1.5,
              "source":"acme price page","as_of":"2026-11-30",
              "tiers":[{"name":"Long","when":{"prompt_tokens_above":1000},"input_usd_per_1m":1,"output_usd_per_1m":2}]}]}
            """);

        var row = Assert.Single(table.Models);
        Assert.Equal(0.1234567m, row.InputUsdPerMillion);
        Assert.Equal(new DateOnly(2026, 11, 30), row.AsOf);
        Assert.Same(row, table.Find("ACME-L"));
        Assert.Equal(1000, Assert.Single(row.Tiers).PromptTokensAbove);
        Assert.Equal(0.0000001234567m, table.GetCost("acme-large", new HiltTokens { Prompt = 1, Completion = 0 }));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"models":[{"model":"x"}]}""")]
    [InlineData("""{"models":[{"model":"x","input_usd_per_1m":"cheap","output_usd_per_1m":1}]}""")]
    [InlineData("""{"models":[{"model":"x","input_usd_per_1m":-1,"output_usd_per_1m":1}]}""")]
    [InlineData("""{"models":[{"model":"x","input_usd_per_1m":1,"output_usd_per_1m":1,"as_of":"yesterday"}]}""")]
    [InlineData("not json")]
    public void Parse_BadTable_ThrowsFormatException(string json)
    {
        Assert.Throws<FormatException>(() => HiltPriceTable.Parse(json));
    }
}
