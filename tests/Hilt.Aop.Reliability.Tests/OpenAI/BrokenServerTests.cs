using System.ClientModel;
using System.ClientModel.Primitives;
using Hilt.Aop.OpenAI;
using OpenAI;
using OpenAI.Chat;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// The OpenAI SDK against a server that never answers, sends half a body, or drops a stream: through Hilt the call
/// fails exactly as it does without Hilt, and exactly one error event is written.
/// </summary>
[Trait(Category.Name, Category.Faults)]
public sealed class BrokenServerTests
{
    private static readonly TimeSpan NetworkTimeout = TimeSpan.FromSeconds(1);

    [Theory]
    [InlineData(BrokenServerMode.Silence)]
    [InlineData(BrokenServerMode.HalfBody)]
    public async Task CompleteChatAsync_ServerBreaks_FailsAsWithoutHiltAndWritesOneErrorEvent(BrokenServerMode mode)
    {
        await using var server = new BrokenOpenAIServer(mode);
        var withoutHilt = await CaptureAsync(() => Client(server).CompleteChatAsync([new UserChatMessage("What is the capital of France?")]));
        var sink = new CollectingSink();
        Exception? withHilt;
        await using (var recorder = new HiltRecorder(new HiltOptions().WriteTo(sink).AddOpenAI()))
        {
            withHilt = await CaptureAsync(() => Client(server).WithHilt(recorder).CompleteChatAsync([new UserChatMessage("What is the capital of France?")]));
        }

        Assert.NotNull(withoutHilt);
        Assert.NotNull(withHilt);
        Assert.Equal(withoutHilt.GetType(), withHilt.GetType());
        Assert.Equal(withoutHilt.Message, withHilt.Message);
        AssertOneErrorEvent(sink);
    }

    [Fact]
    public async Task CompleteChatStreamingAsync_ConnectionClosedMidStream_SamePiecesSameFailureAndOneErrorEvent()
    {
        await using var server = new BrokenOpenAIServer(BrokenServerMode.CloseMidStream);
        var (piecesWithout, withoutHilt) = await ConsumeAsync(Client(server));
        var sink = new CollectingSink();
        List<string> piecesWith;
        Exception? withHilt;
        await using (var recorder = new HiltRecorder(new HiltOptions().WriteTo(sink).AddOpenAI()))
        {
            (piecesWith, withHilt) = await ConsumeAsync(Client(server).WithHilt(recorder));
        }

        Assert.NotNull(withoutHilt);
        Assert.NotNull(withHilt);
        Assert.Equal(["Hello", " wor"], piecesWithout);
        Assert.Equal(piecesWithout, piecesWith);
        Assert.Equal(withoutHilt.GetType(), withHilt.GetType());
        Assert.Equal(withoutHilt.Message, withHilt.Message);
        AssertOneErrorEvent(sink);
    }

    private static void AssertOneErrorEvent(CollectingSink sink)
    {
        var events = sink.Events;
        Assert.Single(events, e => e.Action == HiltActions.Prompt);
        var error = Assert.Single(events, e => e.Action == HiltActions.System);
        Assert.DoesNotContain(events, e => e.Action == HiltActions.Completion);
        Assert.Equal(events.Single(e => e.Action == HiltActions.Prompt).EventId, error.GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.NotNull(error.GetExtension(HiltExtensionKeys.ErrorType));
    }

    private static ChatClient Client(BrokenOpenAIServer server) => new(
        "gpt-4o-mini",
        new ApiKeyCredential("sk-proj-RELIABILITYabcdefghijklmnopqrstuvwxyz012345"),
        new OpenAIClientOptions { Endpoint = server.Endpoint, RetryPolicy = new ClientRetryPolicy(0), NetworkTimeout = NetworkTimeout });

    private static async Task<Exception?> CaptureAsync(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    private static async Task<(List<string> Pieces, Exception? Error)> ConsumeAsync(ChatClient client)
    {
        var pieces = new List<string>();
        try
        {
            await foreach (var update in client.CompleteChatStreamingAsync([new UserChatMessage("Say hello world")]))
            {
                pieces.AddRange(update.ContentUpdate.Select(part => part.Text));
            }
        }
        catch (Exception ex)
        {
            return (pieces, ex);
        }

        return (pieces, null);
    }
}
