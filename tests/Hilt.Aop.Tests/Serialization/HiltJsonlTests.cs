using System.Text;
using System.Text.Json;

namespace Hilt.Aop.Tests.Serialization;

public class HiltJsonlTests
{
    internal static readonly DateTimeOffset FixedTime = new DateTimeOffset(2026, 12, 4, 19, 33, 24, TimeSpan.Zero).AddTicks(975480);

    internal static HiltEvent GoldenEvent() =>
        new("0193a6f0-1b2c-7d3e-8f40-5a6b7c8d9e0f", FixedTime, "conv_9d6ded566067", new HiltActor("agent", "openai"), "completion")
        {
            Content = new HiltContent("Paris."),
            Metrics = new HiltMetrics { Tokens = new HiltTokens { Prompt = 15, Completion = 87, Total = 102 }, CostUsd = 0.00005445m, LatencyMs = 842 },
            Extensions = new Dictionary<string, object?>
            {
                ["reply_to"] = "0193a6ef-0a1b-7c2d-9e3f-4a5b6c7d8e9f",
                ["model"] = "gpt-4o-mini-2024-07-18",
                ["latency_ms"] = 842,
                ["status_code"] = 200,
                ["provider"] = "openai",
            },
        };

    [Fact]
    public void Serialize_FixedEvent_MatchesGoldenLineByteForByte()
    {
        const string Expected =
            """{"event_id":"0193a6f0-1b2c-7d3e-8f40-5a6b7c8d9e0f","timestamp":"2026-12-04T19:33:24.097548+00:00","session_id":"conv_9d6ded566067","actor":{"type":"agent","id":"openai"},"action":"completion","content":{"text":"Paris."},"metrics":{"tokens":{"prompt":15,"completion":87,"total":102},"cost_usd":0.00005445,"latency_ms":842},"extensions":{"reply_to":"0193a6ef-0a1b-7c2d-9e3f-4a5b6c7d8e9f","model":"gpt-4o-mini-2024-07-18","latency_ms":842,"status_code":200,"provider":"openai"}}""";

        Assert.Equal(Encoding.UTF8.GetBytes(Expected), HiltJsonl.SerializeToUtf8Bytes(GoldenEvent()));
        Assert.Equal(Expected, HiltJsonl.Serialize(GoldenEvent()));
    }

    [Fact]
    public void Serialize_MinimalEvent_LeavesOptionalKeysOut()
    {
        var e = new HiltEvent("id", FixedTime, "s", new HiltActor("human", "user"), "prompt")
        {
            Content = new HiltContent(null),
            Metrics = new HiltMetrics { Tokens = new HiltTokens() },
            Provenance = new Dictionary<string, object?>(),
            Extensions = new Dictionary<string, object?>(),
        };

        Assert.Equal(
            """{"event_id":"id","timestamp":"2026-12-04T19:33:24.097548+00:00","session_id":"s","actor":{"type":"human","id":"user"},"action":"prompt"}""",
            HiltJsonl.Serialize(e));
    }

    [Fact]
    public void Serialize_NonUtcTimestamp_IsWrittenInUtcWithSixDigits()
    {
        var local = new DateTimeOffset(2026, 12, 4, 21, 0, 0, TimeSpan.FromHours(2)).AddTicks(1);
        var e = new HiltEvent("id", local, "s", new HiltActor("human", "user"), "prompt");
        Assert.Contains("\"timestamp\":\"2026-12-04T19:00:00.000000+00:00\"", HiltJsonl.Serialize(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_FullEvent_KeepsTheFormatsKeyOrder()
    {
        var e = new HiltEvent("id", FixedTime, "s", new HiltActor("tool", "search", "Search", new Dictionary<string, object?> { ["v"] = 1 }), "retrieval")
        {
            Extensions = new Dictionary<string, object?> { ["score"] = 0.5 },
            Provenance = new Dictionary<string, object?> { ["source"] = "kb" },
            Metrics = new HiltMetrics { LatencyMs = 3, Extra = new Dictionary<string, object?> { ["hits"] = 4, ["cost_usd"] = "dup" } },
            Content = new HiltContent("q") { Images = ["img.png"], Metadata = new Dictionary<string, object?> { ["lang"] = "en" }, Extra = new Dictionary<string, object?> { ["mime"] = "text/plain", ["text"] = "dup" } },
        };

        using var document = JsonDocument.Parse(HiltJsonl.Serialize(e));
        Assert.Equal(
            ["event_id", "timestamp", "session_id", "actor", "action", "content", "metrics", "provenance", "extensions"],
            document.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["type", "id", "name", "metadata"], document.RootElement.GetProperty("actor").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["text", "images", "metadata", "mime"], document.RootElement.GetProperty("content").EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(["latency_ms", "hits"], document.RootElement.GetProperty("metrics").EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Serialize_Cost_IsAnExactJsonNumber()
    {
        var e = GoldenEvent();
        var cheap = new HiltEvent(e.EventId, e.Timestamp, e.SessionId, e.Actor, e.Action)
        {
            Metrics = new HiltMetrics { CostUsd = 0.000000123456789012345m },
        };

        var line = HiltJsonl.Serialize(cheap);
        Assert.Contains("\"cost_usd\":0.000000123456789012345}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("cost_usd_display", line, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> AwkwardTexts() => new()
    {
        { "line one\nline two\r\nthree", """line one\nline two\r\nthree""" },
        { "tab\there", """tab\there""" },
        { "she said \"hi\" \\o/", """she said \"hi\" \\o/""" },
        { "nul\u0000bell\u0007", """nul\u0000bell\u0007""" },
        { "emoji \U0001F600 café 日本", "emoji \U0001F600 café 日本" },
        { "lone \uD800 high and \uDC00 low", "lone \uFFFD high and \uFFFD low" },
        { "<script>&'+", "<script>&'+" },
    };

    [Theory]
    [MemberData(nameof(AwkwardTexts))]
    public void Serialize_AwkwardText_IsOneLineEscapingOnlyWhatJsonRequires(string text, string expectedInLine)
    {
        var e = new HiltEvent("id", FixedTime, "s", new HiltActor("human", "user"), "prompt") { Content = new HiltContent(text) };

        var bytes = HiltJsonl.SerializeToUtf8Bytes(e);

        Assert.DoesNotContain((byte)'\n', bytes);
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Contains("\"text\":\"" + expectedInLine + "\"", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal(Utf16Text.ReplaceLoneSurrogates(text), HiltJsonl.Deserialize(Encoding.UTF8.GetString(bytes)).Content!.Text);
    }

    [Fact]
    public void Serialize_Emoji_IsRawUtf8NotEscaped()
    {
        var e = new HiltEvent("id", FixedTime, "s", new HiltActor("human", "user"), "prompt") { Content = new HiltContent("\U0001F600") };
        var bytes = HiltJsonl.SerializeToUtf8Bytes(e);
        Assert.True(bytes.AsSpan().IndexOf(new byte[] { 0xF0, 0x9F, 0x98, 0x80 }) > 0);
        Assert.DoesNotContain("\\u", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_LoneSurrogateInKeysAndIds_BecomesReplacementCharacter()
    {
        var e = new HiltEvent("id\uDBFF", FixedTime, "s", new HiltActor("human", "u\uDC01"), "prompt")
        {
            Extensions = new Dictionary<string, object?> { ["k\uD800"] = "v\uDFFF" },
        };

        var line = HiltJsonl.Serialize(e);
        Assert.Contains("\"event_id\":\"id\uFFFD\"", line, StringComparison.Ordinal);
        Assert.Contains("\"id\":\"u\uFFFD\"", line, StringComparison.Ordinal);
        Assert.Contains("\"k\uFFFD\":\"v\uFFFD\"", line, StringComparison.Ordinal);
    }

    private enum Color
    {
        Red,
    }

    [Fact]
    public void Serialize_FreeFormValues_AreWrittenFaithfully()
    {
        using var json = JsonDocument.Parse("""{"a":[1,2.5,"x\"\u00e9\ud83d\ude00",null,true]}""");
        var e = new HiltEvent("id", FixedTime, "s", new HiltActor("system", "app"), "system")
        {
            Extensions = new Dictionary<string, object?>
            {
                ["int"] = 1,
                ["long"] = long.MaxValue,
                ["short"] = (short)-2,
                ["byte"] = (byte)3,
                ["uint"] = 4u,
                ["ulong"] = ulong.MaxValue,
                ["float"] = 1.5f,
                ["double"] = 0.1,
                ["decimal"] = 1.10m,
                ["nan"] = double.NaN,
                ["bool"] = false,
                ["null"] = null,
                ["list"] = new List<object?> { 1, "two", null },
                ["array"] = new[] { 3, 4 },
                ["map"] = new Dictionary<string, object?> { ["inner"] = new Dictionary<string, int> { ["deep"] = 5 } },
                ["json"] = json.RootElement,
                ["time"] = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero),
                ["guid"] = Guid.Parse("01234567-89ab-cdef-0123-456789abcdef"),
                ["enum"] = Color.Red,
            },
        };

        var line = HiltJsonl.Serialize(e);

        Assert.Contains(
            "\"extensions\":" + """{"int":1,"long":9223372036854775807,"short":-2,"byte":3,"uint":4,"ulong":18446744073709551615,"float":1.5,"double":0.1,"decimal":1.10,"nan":"NaN","bool":false,"null":null,"list":[1,"two",null],"array":[3,4],"map":{"inner":{"deep":5}},"json":{"a":[1,2.5,"x\"é😀",null,true]},"time":"2026-01-02T03:04:05+00:00","guid":"01234567-89ab-cdef-0123-456789abcdef","enum":"Red"}}""",
            line,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Serialize_WiderNumericTypesAndJsonNodes_AreWrittenAsJsonValues()
    {
        var e = new HiltEvent("id", FixedTime, "s", new HiltActor("system", "app"), "system")
        {
            Extensions = new Dictionary<string, object?>
            {
                ["sbyte"] = (sbyte)-5,
                ["ushort"] = (ushort)6,
                ["half"] = (Half)0.5,
                ["int128"] = Int128.MaxValue,
                ["big"] = System.Numerics.BigInteger.Parse("123456789012345678901234567890", System.Globalization.CultureInfo.InvariantCulture),
                ["char"] = 'x',
                ["node"] = System.Text.Json.Nodes.JsonNode.Parse("""{"k":[1,"\u00e9"]}"""),
            },
        };

        Assert.Contains(
            "\"extensions\":" + """{"sbyte":-5,"ushort":6,"half":0.5,"int128":170141183460469231731687303715884105727,"big":123456789012345678901234567890,"char":"x","node":{"k":[1,"é"]}}""",
            HiltJsonl.Serialize(e),
            StringComparison.Ordinal);
    }

    [Fact]
    public void WriteProjected_KeepsCallerOrder_NullForMissing_NumbersStayNumbers()
    {
        var set = ColumnSet.Create(["message", "cost_usd", "tokens_in", "relevance_score", "speaker"]);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, HiltJsonlWriter.Options))
        {
            HiltJsonlWriter.WriteProjected(writer, set.Names, set.Project(GoldenEvent()));
        }

        Assert.Equal(
            """{"message":"Paris.","cost_usd":0.000054,"tokens_in":15,"relevance_score":null,"speaker":"agent: openai"}""",
            Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void Serialize_Null_Throws() =>
        Assert.Throws<ArgumentNullException>(() => HiltJsonl.Serialize(null!));
}
