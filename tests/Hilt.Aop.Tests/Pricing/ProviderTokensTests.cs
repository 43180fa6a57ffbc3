namespace Hilt.Aop.Tests.Pricing;

public class ProviderTokensTests
{
    [Fact]
    public void FromAnthropic_CacheCountsOutsideInput_AreAddedToPrompt()
    {
        var tokens = ProviderTokens.FromAnthropic(inputTokens: 10, outputTokens: 20, cacheReadInputTokens: 300, cacheCreationInputTokens: 4_000);

        Assert.Equal(4_310, tokens.Prompt);
        Assert.Equal(300, tokens.Cached);
        Assert.Equal(4_000, tokens.CacheWrite);
        Assert.Equal(20, tokens.Completion);
        Assert.Equal(4_330, tokens.Total);
    }

    [Fact]
    public void FromAnthropic_NoCounts_LeavesPromptUnknown()
    {
        var tokens = ProviderTokens.FromAnthropic(null, 5, null, null);

        Assert.Null(tokens.Prompt);
        Assert.Equal(5, tokens.Total);
    }

    [Fact]
    public void FromInclusive_OpenAiCounts_AreKeptAsReported()
    {
        var tokens = ProviderTokens.FromInclusive(inputTokens: 1_000, outputTokens: 500, cachedTokens: 400, reasoningTokens: 300);

        Assert.Equal(1_000, tokens.Prompt);
        Assert.Equal(400, tokens.Cached);
        Assert.Equal(1_500, tokens.Total);
        Assert.Equal(0.00042m, HiltPriceTable.Default.GetCost("gpt-4o-mini", tokens));
    }
}
