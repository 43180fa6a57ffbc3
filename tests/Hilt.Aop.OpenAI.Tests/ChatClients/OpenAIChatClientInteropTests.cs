using System.ClientModel;
using Hilt.Aop.Testing;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.OpenAI.Tests;

/// <summary>The real OpenAI-backed <see cref="IChatClient"/> (<c>ChatClient.AsIChatClient()</c>) through HiltProxy and UseHilt.</summary>
public sealed class OpenAIChatClientInteropTests
{
    public static TheoryData<string> Paths => new() { "proxy", "builder" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetResponseAsync_OpenAIBacked_TokensModelAndStatus200(string path)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = Wrap(bed, bed.SdkClient().AsIChatClient(), path);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Capital of France?")]);

        Assert.Equal("Paris.", response.Text);
        var (prompt, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal("Capital of France?", prompt.Content?.Text);
        Assert.Equal("Paris.", completion.Content?.Text);
        Assert.Equal("openai", completion.Actor.Id);
        Assert.Equal(FakeOpenAIReplies.Model, completion.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal(200L, EventAssert.Long(completion, HiltExtensionKeys.StatusCode));
        var usage = new FakeOpenAIUsage();
        Assert.Equal(usage.Prompt, completion.Metrics?.Tokens?.Prompt);
        Assert.Equal(usage.Completion, completion.Metrics?.Tokens?.Completion);
        Assert.Equal(usage.Total, completion.Metrics?.Tokens?.Total);
        Assert.Equal(usage.Cached, completion.Metrics?.Tokens?.Cached);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetStreamingResponseAsync_OpenAIBacked_JoinedTextAndUsageFromLastChunk(string path)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Stream(["Hel", "lo", "."]));
        var client = Wrap(bed, bed.SdkClient().AsIChatClient(), path);

        var text = string.Empty;
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Say hello.")]))
        {
            text += update.Text;
        }

        Assert.Equal("Hello.", text);
        var (_, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal("Hello.", completion.Content?.Text);
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Stream));
        Assert.Equal(FakeOpenAIReplies.Model, completion.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal(new FakeOpenAIUsage().Prompt, completion.Metrics?.Tokens?.Prompt);
        Assert.Equal(new FakeOpenAIUsage().Completion, completion.Metrics?.Tokens?.Completion);
        Assert.True(EventAssert.Long(completion, HiltExtensionKeys.TtftMs) <= EventAssert.Long(completion, HiltExtensionKeys.LatencyMs));
    }

    [Theory]
    [InlineData("proxy", 429, "rate_limit")]
    [InlineData("proxy", 500, "server_error")]
    [InlineData("builder", 429, "rate_limit")]
    [InlineData("builder", 500, "server_error")]
    public async Task GetResponseAsync_ErrorStatusRetriesOff_StatusAndErrorCode(string path, int status, string errorCode)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Error(status, "Please retry."));
        var client = Wrap(bed, bed.SdkClient().AsIChatClient(), path);

        var thrown = await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "Capital of France?")]));

        Assert.Equal(status, thrown.Status);
        Assert.Equal(1, bed.Server.RequestCount);
        AssertError(bed, status, errorCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetResponseAsync_ConnectionRefused_503ConnectionError(string path)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = Wrap(bed, bed.SdkClient(url: FakeHttpServer.UnusedUrl()).AsIChatClient(), path);

        await Assert.ThrowsAsync<ClientResultException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "Capital of France?")]));

        AssertError(bed, 503, "connection_error");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetResponseAsync_ClientTimeout_408Timeout(string path)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeReply.Silence());
        var client = Wrap(bed, bed.SdkClient(timeout: TimeSpan.FromMilliseconds(300)).AsIChatClient(), path);
        using var notCancelled = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "Capital of France?")], cancellationToken: notCancelled.Token));

        AssertError(bed, 408, "timeout");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetResponseAsync_CallerCancels_499Cancelled(string path)
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeReply.Silence());
        var client = Wrap(bed, bed.SdkClient().AsIChatClient(), path);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "Capital of France?")], cancellationToken: cancellation.Token));

        AssertError(bed, 499, "cancelled");
    }

    internal static IChatClient Wrap(OpenAITestBed bed, IChatClient inner, string path) =>
        path == "proxy" ? HiltProxy.Create(inner, bed.Recorder) : new ChatClientBuilder(inner).UseHilt(bed.Recorder).Build();

    private static void AssertError(OpenAITestBed bed, int status, string errorCode)
    {
        var (_, error) = EventAssert.PromptAndReply(bed.Events, HiltActions.System);
        Assert.Equal((long)status, EventAssert.Long(error, HiltExtensionKeys.StatusCode));
        Assert.Equal(errorCode, error.GetExtension(HiltExtensionKeys.ErrorCode));
    }
}
