using System.ClientModel;
using Hilt.Aop.Testing;
using Microsoft.Extensions.Time.Testing;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

public sealed class StreamingTests
{
    internal static readonly string[] Pieces = ["Hel", "lo", " wor", "ld."];

    public static TheoryData<string> Clients => new() { "drop-in", "adapter" };

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task CompleteChatStreaming_ReadToTheEnd_OneCompletionWithJoinedTextUsageAndTtft(string kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var bed = await OpenAITestBed.StartAsync(new HiltOptions { TimeProvider = clock });
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(Pieces));

        var stream = Open(bed, kind, async: false);
        Assert.Equal(0, bed.Server.RequestCount); // lazy: nothing sent before enumeration
        Assert.Single(bed.Events); // the prompt
        clock.Advance(TimeSpan.FromMilliseconds(30));
        var text = string.Empty;
        foreach (var update in (CollectionResult<StreamingChatCompletionUpdate>)stream)
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal("Hello world.", text);
        AssertStreamCompletion(bed, expectedUpdates: Pieces.Length + 3);
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task CompleteChatStreamingAsync_ReadToTheEnd_OneCompletionWithJoinedTextUsageAndTtft(string kind)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-04T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var bed = await OpenAITestBed.StartAsync(new HiltOptions { TimeProvider = clock });
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(Pieces));

        var stream = (AsyncCollectionResult<StreamingChatCompletionUpdate>)Open(bed, kind, async: true);
        Assert.Equal(0, bed.Server.RequestCount);
        clock.Advance(TimeSpan.FromMilliseconds(30));
        var text = string.Empty;
        await foreach (var update in stream)
        {
            text += string.Concat(update.ContentUpdate.Select(p => p.Text));
            clock.Advance(TimeSpan.FromMilliseconds(20));
        }

        Assert.Equal("Hello world.", text);
        AssertStreamCompletion(bed, expectedUpdates: Pieces.Length + 3);
    }

    [Fact]
    public async Task CompleteChatStreaming_ToolCallOnly_ToolCallEventWithJoinedArguments()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.StreamToolCall("get_weather", """{"city":"Paris","unit":"c"}"""));

        foreach (var update in bed.DropIn().CompleteChatStreaming([new UserChatMessage("Weather in Paris?")]))
        {
            Assert.NotNull(update);
        }

        Assert.Equal(3, bed.Events.Count);
        var completion = bed.Single(HiltActions.Completion);
        var toolCall = bed.Single(HiltActions.ToolCall);
        Assert.Null(completion.Content?.Text);
        Assert.Equal("tool_calls", completion.GetExtension(HiltExtensionKeys.FinishReason));
        Assert.Equal("get_weather", toolCall.Content?.Text);
        Assert.Equal("""{"city":"Paris","unit":"c"}""", toolCall.Content?.Extra?["arguments"]);
        Assert.Equal(completion.EventId, toolCall.GetExtension(HiltExtensionKeys.ReplyTo));
    }

    [Fact]
    public async Task CompleteChatStreaming_ServerError_ErrorEventAndSameException()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Error(429, "Rate limit reached"));

        var thrown = Assert.Throws<ClientResultException>(() =>
        {
            foreach (var update in bed.DropIn().CompleteChatStreaming([new UserChatMessage("Capital of France?")]))
            {
                Assert.NotNull(update);
            }
        });

        Assert.Equal(429, thrown.Status);
        var (_, error) = EventAssert.PromptAndReply(bed.Events, HiltActions.System);
        Assert.Equal(429L, EventAssert.Long(error, HiltExtensionKeys.StatusCode));
        Assert.Equal("rate_limit", error.GetExtension(HiltExtensionKeys.ErrorCode));
        Assert.Contains("Rate limit reached", error.Content?.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteChatStreaming_ReturnsTheSdkResultType_StillEnumerableTwiceUnobservedTheSecondTime()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(Pieces), FakeOpenAIReplies.Stream(Pieces));
        var stream = bed.DropIn().CompleteChatStreaming([new UserChatMessage("Capital of France?")]);

        var first = stream.Count();
        var second = stream.Count();

        Assert.Equal(first, second);
        Assert.Equal(2, bed.Server.RequestCount);
        EventAssert.PromptAndReply(bed.Events);
    }

    [Fact]
    public async Task CompleteChatStreaming_ChunkLoggingOn_OneChunkEventPerTextPiece()
    {
        await using var bed = await OpenAITestBed.StartAsync(new HiltOptions { LogStreamingChunks = true });
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(Pieces));

        foreach (var update in bed.DropIn().CompleteChatStreaming([new UserChatMessage("Say hello world.")]))
        {
            Assert.NotNull(update);
        }

        var prompt = bed.Single(HiltActions.Prompt);
        var chunks = bed.Events.Where(e => e.Action == HiltActions.CompletionChunk).ToList();
        Assert.Equal(Pieces, chunks.Select(c => c.Content?.Text));
        Assert.All(chunks, c => Assert.Equal(prompt.EventId, c.GetExtension(HiltExtensionKeys.ReplyTo)));
        Assert.Equal("Hello world.", bed.Single(HiltActions.Completion).Content?.Text);
    }

    [Fact]
    public async Task CompleteChatStreaming_RawPages_AreTheSdkResponses()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(Pieces));
        var stream = bed.DropIn().CompleteChatStreaming([new UserChatMessage("Capital of France?")]);

        var page = Assert.Single(stream.GetRawPages());

        Assert.Equal(200, page.GetRawResponse().Status);
        Assert.Equal("text/event-stream", page.GetRawResponse().Headers.TryGetValue("Content-Type", out var type) ? type : null);
        var (_, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal(200L, EventAssert.Long(completion, HiltExtensionKeys.StatusCode));
    }

    internal static object Open(OpenAITestBed bed, string kind, bool async)
    {
        List<ChatMessage> messages = [new UserChatMessage("Say hello world.")];
        if (kind == "drop-in")
        {
            var client = bed.DropIn();
            return async ? client.CompleteChatStreamingAsync(messages) : client.CompleteChatStreaming(messages);
        }

        var adapter = bed.Adapter();
        return async ? adapter.CompleteChatStreamingAsync(messages) : adapter.CompleteChatStreaming(messages);
    }

    private static void AssertStreamCompletion(OpenAITestBed bed, int expectedUpdates)
    {
        var (prompt, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal("Say hello world.", prompt.Content?.Text);
        Assert.Equal("Hello world.", completion.Content?.Text);
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Stream));
        Assert.Null(completion.GetExtension(HiltExtensionKeys.Partial));
        Assert.Equal(FakeOpenAIReplies.Model, completion.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal(200L, EventAssert.Long(completion, HiltExtensionKeys.StatusCode));
        Assert.Equal("stop", completion.GetExtension(HiltExtensionKeys.FinishReason));
        var usage = new FakeOpenAIUsage();
        Assert.Equal(usage.Prompt, completion.Metrics?.Tokens?.Prompt);
        Assert.Equal(usage.Completion, completion.Metrics?.Tokens?.Completion);
        Assert.Equal(usage.Cached, completion.Metrics?.Tokens?.Cached);
        var ttft = EventAssert.Long(completion, HiltExtensionKeys.TtftMs);
        var latency = EventAssert.Long(completion, HiltExtensionKeys.LatencyMs);
        Assert.Equal(30, ttft);
        Assert.Equal(30 + (20 * expectedUpdates), latency);
        Assert.True(ttft <= latency);
    }
}
