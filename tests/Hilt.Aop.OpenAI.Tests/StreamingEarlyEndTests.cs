using System.ClientModel;
using Hilt.Aop.Testing;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

/// <summary>Streams that end early: abandoned by the consumer, timed out, or cancelled (a class of their own so they run beside the others).</summary>
public sealed class StreamingEarlyEndTests
{
    private static readonly string[] Pieces = StreamingTests.Pieces;

    public static TheoryData<string> Clients => StreamingTests.Clients;

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task CompleteChatStreaming_BreakAfterFirstChunk_PartialCompletionAndResponseDisposed(string kind)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(Pieces).WithEventDelay(TimeSpan.FromMilliseconds(50)).WithHoldOpen(TimeSpan.FromSeconds(10)));

        foreach (var update in (CollectionResult<StreamingChatCompletionUpdate>)StreamingTests.Open(bed, kind, async: false))
        {
            break;
        }

        var (_, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Partial));
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Stream));
        Assert.Null(completion.Metrics?.Tokens);
        Assert.True(await WaitUntilAsync(() => bed.Server.Requests[0].Aborted), "the HTTP response was not disposed");
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task CompleteChatStreamingAsync_BreakAfterTextChunk_PartialCompletionWithTextSoFar(string kind)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(Pieces).WithEventDelay(TimeSpan.FromMilliseconds(50)).WithHoldOpen(TimeSpan.FromSeconds(10)));

        await foreach (var update in (AsyncCollectionResult<StreamingChatCompletionUpdate>)StreamingTests.Open(bed, kind, async: true))
        {
            if (update.ContentUpdate.Count > 0 && update.ContentUpdate[0].Text.Length > 0)
            {
                break;
            }
        }

        var (_, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Partial));
        Assert.Equal("Hel", completion.Content?.Text);
        Assert.True(await WaitUntilAsync(() => bed.Server.Requests[0].Aborted), "the HTTP response was not disposed");
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task CompleteChatStreamingAsync_SdkTimeoutMidStream_408TimeoutAfterPartialText(string kind)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(Pieces).WithEventDelay(TimeSpan.FromSeconds(3)));
        var stream = kind == "drop-in"
            ? bed.DropIn(timeout: TimeSpan.FromMilliseconds(300)).CompleteChatStreamingAsync([new UserChatMessage("Say hello world.")])
            : bed.Adapter(timeout: TimeSpan.FromMilliseconds(300)).CompleteChatStreamingAsync([new UserChatMessage("Say hello world.")]);
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in stream)
            {
                seen++;
            }
        });

        Assert.Equal(1, seen); // the role chunk came before the stall
        ErrorTests.AssertError(bed, 408, "timeout");
        Assert.Equal(true, bed.Events[1].GetExtension(HiltExtensionKeys.Stream));
    }

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task CompleteChatStreamingAsync_CallerCancelsMidStream_499Cancelled(string kind)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(Pieces).WithEventDelay(TimeSpan.FromSeconds(3)));
        using var cancellation = new CancellationTokenSource();
        List<ChatMessage> messages = [new UserChatMessage("Say hello world.")];
        var stream = kind == "drop-in"
            ? bed.DropIn().CompleteChatStreamingAsync(messages, null, cancellation.Token)
            : bed.Adapter().CompleteChatStreamingAsync(messages, null, cancellation.Token);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in stream)
            {
                await cancellation.CancelAsync();
            }
        });

        ErrorTests.AssertError(bed, 499, "cancelled");
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        return condition();
    }
}
