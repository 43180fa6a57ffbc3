namespace Hilt.Aop.Tests.Columns;

public class ColumnSetTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 4, 12, 0, 5, TimeSpan.FromHours(2));

    [Fact]
    public void Create_Null_GivesThe15ColumnsInDefaultOrder()
    {
        var set = ColumnSet.Create(null);
        Assert.Equal(
            ["timestamp", "conversation_id", "event_id", "reply_to", "status_code", "session", "speaker", "action", "message", "tokens_in", "tokens_out", "cost_usd", "latency_ms", "model", "relevance_score"],
            set.Names);
    }

    [Fact]
    public void Create_UnknownColumn_NamesTheValidOnes()
    {
        var error = Assert.Throws<ArgumentException>(() => ColumnSet.Create(["timestamp", "prompt_text"]));
        Assert.Contains("prompt_text", error.Message);
        Assert.Contains("conversation_id", error.Message);
    }

    [Fact]
    public void Create_EmptyList_IsAConfigurationError() =>
        Assert.Throws<ArgumentException>(() => ColumnSet.Create([]));

    [Fact]
    public void Project_CompletionEvent_DerivesEachColumn()
    {
        var e = new HiltEvent("e2", Noon, "conv_9d6ded566067", new HiltActor("agent", "openai"), "completion")
        {
            Content = new HiltContent("  Paris\n\tis   the capital. "),
            Metrics = new HiltMetrics { Tokens = new HiltTokens { Prompt = 15, Completion = 87, Total = 102 }, CostUsd = 0.0000544567m, LatencyMs = 900 },
            Extensions = new Dictionary<string, object?> { ["reply_to"] = "e1", ["status_code"] = 200, ["latency_ms"] = 842L, ["model"] = "gpt-4o-mini" },
        };

        var values = ColumnSet.Create(null).Project(e);

        Assert.Equal(
            new object?[] { "2026-12-04 10:00:05", "conv_9d6ded566067", "e2", "e1", 200, "Conv.9d6ded56", "agent: openai", "completion", "Paris is the capital.", 15L, 87L, 0.000054m, 842L, "gpt-4o-mini", null },
            values);
    }

    [Fact]
    public void Project_LatencyFallsBackToMetrics_ScoreBeatsRelevanceScore()
    {
        var e = new HiltEvent("e", Noon, "s", new HiltActor("tool", "search"), "retrieval")
        {
            Metrics = new HiltMetrics { LatencyMs = 12 },
            Extensions = new Dictionary<string, object?> { ["score"] = 0.9, ["relevance_score"] = 0.1 },
        };
        var set = ColumnSet.Create(["latency_ms", "relevance_score"]);
        Assert.Equal(new object?[] { 12L, 0.9 }, set.Project(e));

        var onlyRelevance = e.WithExtensions(new Dictionary<string, object?> { ["relevance_score"] = 0.1 });
        Assert.Equal(0.1, set.Project(onlyRelevance)[1]);
    }

    [Theory]
    [InlineData("conv_9d6ded566067", "Conv.9d6ded56")]
    [InlineData("rag_chat_1", "Conv.1")]
    [InlineData("my-very-long-session-name", "my-very-long")]
    [InlineData("short", "short")]
    public void SessionAlias_FollowsTheRules(string id, string alias) =>
        Assert.Equal(alias, ColumnValues.SessionAlias(id));

    [Fact]
    public void Message_Over500_Keeps497AndDots()
    {
        var text = new string('x', 501);
        var message = ColumnValues.Message(text);
        Assert.Equal(500, message.Length);
        Assert.Equal(new string('x', 497) + "...", message);
        Assert.Equal(new string('y', 500), ColumnValues.Message(new string('y', 500)));
    }

    [Fact]
    public void Message_CountsCodePointsNotUtf16Units()
    {
        var text = string.Concat(Enumerable.Repeat("🙂", 500));
        Assert.Equal(text, ColumnValues.Message(text));
        var longer = text + "🙂";
        Assert.Equal(string.Concat(Enumerable.Repeat("🙂", 497)) + "...", ColumnValues.Message(longer));
    }
}
