using System.ClientModel;
using Hilt.Aop.Testing;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

public sealed class ErrorTests
{
    [Theory]
    [InlineData(400, "bad_request")]
    [InlineData(401, "unauthorized")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "not_found")]
    [InlineData(409, "conflict")]
    [InlineData(418, "api_error")]
    [InlineData(422, "bad_request")]
    [InlineData(429, "rate_limit")]
    [InlineData(500, "server_error")]
    [InlineData(503, "server_error")]
    public async Task CompleteChat_ErrorStatus_ErrorEventWithCodesAndSameException(int status, string errorCode)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Error(status, $"The service said no ({status})."));
        var target = new RecordingChatClient(OpenAITestBed.RequestModel, bed.ClientOptions());
        var client = target.WithHilt(bed.Recorder);

        var thrown = Assert.Throws<ClientResultException>(() => client.CompleteChat([new UserChatMessage("Capital of France?")]));

        Assert.Same(target.Thrown, thrown);
        Assert.Equal(status, thrown.Status);
        Assert.Equal(1, bed.Server.RequestCount);
        AssertError(bed, status, errorCode, expectedText: $"The service said no ({status}).");
    }

    [Theory]
    [InlineData(429, "rate_limit")]
    [InlineData(500, "server_error")]
    public async Task CompleteChatAsync_ErrorStatusThroughAdapter_ErrorEventWithCodes(int status, string errorCode)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Error(status, "Try again later."));

        var thrown = await Assert.ThrowsAsync<ClientResultException>(() => bed.Adapter().CompleteChatAsync([new UserChatMessage("Capital of France?")]));

        Assert.Equal(status, thrown.Status);
        AssertError(bed, status, errorCode, expectedText: "Try again later.");
    }

    [Fact]
    public async Task CompleteChatAsync_AsyncErrorThroughDropIn_SameExceptionInstance()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Error(500, "Boom."));
        var target = new RecordingChatClient(OpenAITestBed.RequestModel, bed.ClientOptions());

        var thrown = await Assert.ThrowsAsync<ClientResultException>(() => target.WithHilt(bed.Recorder).CompleteChatAsync([new UserChatMessage("Capital of France?")]));

        Assert.Same(target.Thrown, thrown);
        AssertError(bed, 500, "server_error", expectedText: "Boom.");
    }

    [Theory]
    [InlineData("drop-in")]
    [InlineData("adapter")]
    public async Task CompleteChatAsync_ConnectionRefused_503ConnectionError(string kind)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var url = FakeHttpServer.UnusedUrl();

        var thrown = await Assert.ThrowsAsync<ClientResultException>(() => kind == "drop-in"
            ? bed.DropIn(url: url).CompleteChatAsync([new UserChatMessage("Capital of France?")])
            : bed.Adapter(url: url).CompleteChatAsync([new UserChatMessage("Capital of France?")]));

        Assert.Equal(0, thrown.Status);
        AssertError(bed, 503, "connection_error");
    }

    [Theory]
    [InlineData("drop-in")]
    [InlineData("adapter")]
    public async Task CompleteChatAsync_SdkNetworkTimeout_408Timeout(string kind)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeReply.Silence());
        var timeout = TimeSpan.FromMilliseconds(300);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kind == "drop-in"
            ? bed.DropIn(timeout: timeout).CompleteChatAsync([new UserChatMessage("Capital of France?")])
            : bed.Adapter(timeout: timeout).CompleteChatAsync([new UserChatMessage("Capital of France?")]));

        AssertError(bed, 408, "timeout");
    }

    [Theory]
    [InlineData("drop-in")]
    [InlineData("adapter")]
    public async Task CompleteChatAsync_CallerCancels_499Cancelled(string kind)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeReply.Silence());
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        var thrown = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => kind == "drop-in"
            ? bed.DropIn().CompleteChatAsync([new UserChatMessage("Capital of France?")], null, cancellation.Token)
            : bed.Adapter().CompleteChatAsync([new UserChatMessage("Capital of France?")], null, cancellation.Token));

        Assert.Equal(cancellation.Token, thrown.CancellationToken);
        AssertError(bed, 499, "cancelled");
    }

    [Fact]
    public async Task CompleteChat_SdkNetworkTimeoutSync_408Timeout()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeReply.Silence());

        Assert.ThrowsAny<OperationCanceledException>(() => bed.DropIn(timeout: TimeSpan.FromMilliseconds(300)).CompleteChat([new UserChatMessage("Capital of France?")]));

        AssertError(bed, 408, "timeout");
    }

    internal static void AssertError(OpenAITestBed bed, int status, string errorCode, string? expectedText = null)
    {
        var (_, error) = EventAssert.PromptAndReply(bed.Events, HiltActions.System);
        Assert.Equal(HiltActorTypes.System, error.Actor.Type);
        Assert.Equal("openai", error.Actor.Id);
        Assert.Equal((long)status, EventAssert.Long(error, HiltExtensionKeys.StatusCode));
        Assert.Equal(errorCode, error.GetExtension(HiltExtensionKeys.ErrorCode));
        Assert.NotNull(error.GetExtension(HiltExtensionKeys.ErrorType));
        Assert.StartsWith("Error: ", error.Content?.Text, StringComparison.Ordinal);
        if (expectedText is not null)
        {
            Assert.Contains(expectedText, error.Content?.Text, StringComparison.Ordinal);
        }
    }
}
