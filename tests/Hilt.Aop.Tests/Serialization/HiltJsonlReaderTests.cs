using System.Text;
using Hilt.Aop.Testing;

namespace Hilt.Aop.Tests.Serialization;

public class HiltJsonlReaderTests
{
    // As the Python package writes it: ", " separators, ASCII escapes, cost as a 6-decimal string plus a display string, a v4 id.
    private const string PythonLine =
        """{"event_id": "3f2a9c4e-8b1d-4e6f-a2c3-9d8e7f6a5b4c", "timestamp": "2026-12-04T19:33:24.097548+00:00", "session_id": "conv_9d6ded566067", "actor": {"type": "agent", "id": "openai"}, "action": "completion", "content": {"text": "Paris, caf\u00e9 \ud83d\ude00."}, "metrics": {"tokens": {"prompt": 15, "completion": 87, "total": 102}, "cost_usd": "0.000054", "cost_usd_display": "$0.000054", "latency_ms": 842}, "provenance": null, "extensions": {"reply_to": "0193a6ef-0a1b-7c2d-9e3f-4a5b6c7d8e9f", "model": "gpt-4o-mini-2024-07-18", "latency_ms": 842, "status_code": 200, "provider": "openai"}}""";

    [Fact]
    public void Read_PythonWrittenLine_ReadsBackTheSameValues()
    {
        var e = Assert.Single(ReadText(PythonLine + "\n").Events);

        Assert.Equal("3f2a9c4e-8b1d-4e6f-a2c3-9d8e7f6a5b4c", e.EventId);
        Assert.Equal(HiltJsonlTests.FixedTime, e.Timestamp);
        Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
        Assert.Equal("conv_9d6ded566067", e.SessionId);
        Assert.Equal(("agent", "openai"), (e.Actor.Type, e.Actor.Id));
        Assert.Equal("completion", e.Action);
        Assert.Equal("Paris, café \U0001F600.", e.Content!.Text);
        Assert.Equal(new HiltTokens { Prompt = 15, Completion = 87, Total = 102 }, e.Metrics!.Tokens);
        Assert.Equal(0.000054m, e.Metrics.CostUsd);
        Assert.Equal(842L, e.Metrics.LatencyMs);
        Assert.Null(e.Metrics.Extra);
        Assert.Null(e.Provenance);
        Assert.Equal(200L, e.GetExtension("status_code"));
        Assert.Equal("gpt-4o-mini-2024-07-18", e.GetExtension("model"));
        Assert.Equal("0193a6ef-0a1b-7c2d-9e3f-4a5b6c7d8e9f", e.GetExtension("reply_to"));
    }

    [Fact]
    public void Read_PythonLine_RewrittenByHilt_HasANumberCostAndNoDisplayString()
    {
        var line = HiltJsonl.Serialize(HiltJsonl.Deserialize(PythonLine));
        Assert.Contains("\"cost_usd\":0.000054,", line, StringComparison.Ordinal);
        Assert.DoesNotContain("cost_usd_display", line, StringComparison.Ordinal);
        Assert.Contains("café \U0001F600", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OwnGoldenLine_RoundTripsToTheSameBytes()
    {
        var line = HiltJsonl.Serialize(HiltJsonlTests.GoldenEvent());
        var e = HiltJsonl.Deserialize(line);
        Assert.Equal(0.00005445m, e.Metrics!.CostUsd);
        Assert.Equal(line, HiltJsonl.Serialize(e));
    }

    [Theory]
    [InlineData("2026-12-04T19:33:24Z", 0L)]
    [InlineData("2026-12-04T19:33:24.097Z", 970000L)]
    [InlineData("2026-12-04T19:33:24.097548+00:00", 975480L)]
    [InlineData("2026-12-04T19:33:24.0975481234+00:00", 975481L)]
    [InlineData("2026-12-04T21:33:24.5+02:00", 5000000L)]
    [InlineData("2026-12-04T19:33:24.097548", 975480L)]
    public void Read_TimestampForms_AreAcceptedAsUtc(string timestamp, long extraTicks)
    {
        var line = $$"""{"event_id":"e","timestamp":"{{timestamp}}","session_id":"s","actor":{"type":"human","id":"u"},"action":"prompt"}""";
        var e = HiltJsonl.Deserialize(line);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 19, 33, 24, TimeSpan.Zero).AddTicks(extraTicks), e.Timestamp);
        Assert.Equal(TimeSpan.Zero, e.Timestamp.Offset);
    }

    [Fact]
    public void Read_Numbers_IntegersAsLongOthersAsDoubleCostAsDecimal()
    {
        var line = """{"event_id":"e","timestamp":"2026-12-04T19:33:24Z","session_id":"s","actor":{"type":"tool","id":"t"},"action":"retrieval","metrics":{"cost_usd":0.1,"extra":2},"extensions":{"score":0.75,"count":3,"big":1e300,"nested":{"list":[1,2.5,"x",false,null]}}}""";
        var e = HiltJsonl.Deserialize(line);

        Assert.Equal(0.1m, e.Metrics!.CostUsd);
        Assert.Equal(2L, e.Metrics.Extra!["extra"]);
        Assert.Equal(0.75, e.GetExtension("score"));
        Assert.Equal(3L, e.GetExtension("count"));
        Assert.Equal(1e300, e.GetExtension("big"));
        var nested = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(e.GetExtension("nested"));
        Assert.Equal(new object?[] { 1L, 2.5, "x", false, null }, Assert.IsAssignableFrom<IReadOnlyList<object?>>(nested["list"]));
    }

    [Fact]
    public void Read_BlankLinesAndCrLf_AreSkippedAndTolerated()
    {
        var good = HiltJsonl.Serialize(HiltJsonlTests.GoldenEvent());
        var result = ReadText($"\n{good}\r\n   \n\n{good}\n");
        Assert.Equal(2, result.Events.Count);
        Assert.False(result.HasTornLastLine);
    }

    [Fact]
    public void Read_TornLastLine_IsReportedAndTheRestRead()
    {
        var good = HiltJsonl.Serialize(HiltJsonlTests.GoldenEvent());
        var result = ReadText($"{good}\n{good}\n{good[..40]}");

        Assert.Equal(2, result.Events.Count);
        Assert.True(result.HasTornLastLine);
        Assert.Equal(3, result.TornLineNumber);
    }

    [Fact]
    public void Read_UnterminatedButCompleteLastLine_IsAnEvent()
    {
        var good = HiltJsonl.Serialize(HiltJsonlTests.GoldenEvent());
        var result = ReadText($"{good}\n{good}");
        Assert.Equal(2, result.Events.Count);
        Assert.False(result.HasTornLastLine);
    }

    [Fact]
    public void Read_BadLineInTheMiddle_ThrowsNamingTheLine()
    {
        var good = HiltJsonl.Serialize(HiltJsonlTests.GoldenEvent());
        var error = Assert.Throws<FormatException>(() => ReadText($"{good}\n\n{good[..40]}\n{good}\n"));
        Assert.Contains("Line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadLastLineEndingInNewline_IsAnErrorNotATornLine()
    {
        var good = HiltJsonl.Serialize(HiltJsonlTests.GoldenEvent());
        var error = Assert.Throws<FormatException>(() => ReadText($"{good}\n{good[..40]}\n"));
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"event_id":"e","timestamp":"2026-12-04T19:33:24Z","session_id":"s","actor":{"type":"human","id":"u"},"action":"shout"}""", "shout")]
    [InlineData("""{"event_id":"e","timestamp":"2026-12-04T19:33:24Z","session_id":"s","actor":{"type":"robot","id":"u"},"action":"prompt"}""", "robot")]
    [InlineData("""{"event_id":"e","timestamp":"yesterday","session_id":"s","actor":{"type":"human","id":"u"},"action":"prompt"}""", "yesterday")]
    [InlineData("""{"timestamp":"2026-12-04T19:33:24Z","session_id":"s","actor":{"type":"human","id":"u"},"action":"prompt"}""", "event_id")]
    [InlineData("""[1,2]""", "object")]
    public void Read_InvalidEvent_ThrowsNamingLineAndProblem(string bad, string named)
    {
        var good = HiltJsonl.Serialize(HiltJsonlTests.GoldenEvent());
        var error = Assert.Throws<FormatException>(() => ReadText($"{good}\n{bad}\n"));
        Assert.Contains("Line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_LinesLongerThanTheReadBuffer_AreRead()
    {
        var e = HiltJsonlTests.GoldenEvent().WithContent(new HiltContent(new string('z', 300_000)));
        var line = HiltJsonl.Serialize(e);
        var result = ReadText($"{line}\n{line}\n{line}\n");
        Assert.Equal(3, result.Events.Count);
        Assert.All(result.Events, read => Assert.Equal(300_000, read.Content!.Text!.Length));
    }

    [Fact]
    public void ReadFile_VariedEvents_RoundTripExactly()
    {
        using var folder = new TempFolder();
        var events = VariedEvents().ToList();
        var path = folder.File("round.jsonl");
        File.WriteAllText(path, string.Concat(events.Select(e => HiltJsonl.Serialize(e) + "\n")), new UTF8Encoding(false));

        var result = HiltJsonlReader.ReadFile(path);

        Assert.Equal(events.Count, result.Events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(HiltJsonl.Serialize(events[i]), HiltJsonl.Serialize(result.Events[i]));
        }

        Assert.Equal(2L, result.Events[1].Metrics!.Tokens!.Cached);
        Assert.Equal("Alice", result.Events[0].Actor.Name);
    }

    internal static IEnumerable<HiltEvent> VariedEvents()
    {
        var t = HiltJsonlTests.FixedTime;
        yield return new HiltEvent("a", t, "conv_1", new HiltActor("human", "u1", "Alice", new Dictionary<string, object?> { ["team"] = "x" }), "prompt")
        {
            Content = new HiltContent("Hello\nworld \U0001F600 \"quoted\""),
            Extensions = new Dictionary<string, object?> { ["tenant"] = "acme", ["user"] = "u1" },
        };
        yield return new HiltEvent("b", t.AddSeconds(1), "conv_1", new HiltActor("agent", "openai"), "completion")
        {
            Content = new HiltContent("Hi!") { Images = [new Dictionary<string, object?> { ["url"] = "https://x/y.png" }], Metadata = new Dictionary<string, object?> { ["n"] = 2 } },
            Metrics = new HiltMetrics { Tokens = new HiltTokens { Prompt = 10, Completion = 5, Total = 15, Cached = 2, Reasoning = 1, CacheWrite = 3 }, CostUsd = 0.000012345m, LatencyMs = 99, Extra = new Dictionary<string, object?> { ["queue_ms"] = 4 } },
            Provenance = new Dictionary<string, object?> { ["sdk"] = "openai-dotnet", ["versions"] = new List<object?> { 2, 15 } },
            Extensions = new Dictionary<string, object?> { ["reply_to"] = "a", ["status_code"] = 200, ["stream"] = true, ["ttft_ms"] = 12.5 },
        };
        yield return new HiltEvent("c", t.AddSeconds(2), "conv_1", new HiltActor("system", "openai"), "system")
        {
            Content = new HiltContent("Error: \u0000 bad \\ request"),
            Extensions = new Dictionary<string, object?> { ["error_code"] = "bad_request", ["status_code"] = 400, ["nothing"] = null },
        };
        yield return new HiltEvent("d", t.AddSeconds(3), "rag_chat_1", new HiltActor("tool", "search"), "retrieval")
        {
            Extensions = new Dictionary<string, object?> { ["score"] = 0.875, ["docs"] = new List<object?> { "x", new Dictionary<string, object?> { ["id"] = 1 } } },
        };
    }

    private static HiltJsonlReadResult ReadText(string text) =>
        HiltJsonlReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));
}

public class HiltJsonlReaderStreamTests
{
    /// <summary>Hands out at most one byte per read, as a slow pipe might.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));
    }

    [Fact]
    public void Read_OneByteAtATimeWithBom_ReadsEveryLine()
    {
        var line = HiltJsonl.Serialize(HiltJsonlTests.GoldenEvent());
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes($"{line}\n\n{line}\n")).ToArray();

        var result = HiltJsonlReader.Read(new TrickleStream(bytes));

        Assert.Equal(2, result.Events.Count);
        Assert.Equal(line, HiltJsonl.Serialize(result.Events[1]));
    }

    [Fact]
    public void Read_EmptyStream_HasNoEventsAndNoTornLine()
    {
        var result = HiltJsonlReader.Read(new MemoryStream());
        Assert.Empty(result.Events);
        Assert.False(result.HasTornLastLine);
    }
}
