using Anthropic;
using Hilt.Aop.Testing;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.OpenAI.Tests;

/// <summary>The Anthropic SDK's <see cref="IChatClient"/>, pointed at a fake Messages API: any IChatClient is logged the same way.</summary>
public sealed class AnthropicChatClientTests
{
    public static TheoryData<string> Paths => new() { "proxy", "builder" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetResponseAsync_AnthropicBacked_TokensAndModel(string path)
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        var sink = new CollectingSink();
        await using var recorder = new HiltRecorder(new HiltOptions().WriteTo(sink));
        var inner = NewClient(server).AsIChatClient(FakeAnthropicReplies.Model, 256);
        var client = path == "proxy" ? HiltProxy.Create(inner, recorder) : new ChatClientBuilder(inner).UseHilt(recorder).Build();

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Capital of France?")]);

        Assert.Equal("Paris.", response.Text);
        Assert.Equal("/v1/messages", server.Requests[0].Path);
        var (prompt, completion) = EventAssert.PromptAndReply(sink.Events);
        Assert.Equal("Capital of France?", prompt.Content?.Text);
        Assert.Equal("Paris.", completion.Content?.Text);
        Assert.Equal(FakeAnthropicReplies.Model, completion.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal(200L, EventAssert.Long(completion, HiltExtensionKeys.StatusCode));
        var tokens = completion.Metrics?.Tokens;
        Assert.NotNull(tokens);
        Assert.Equal(9, tokens.Completion);
        Assert.True(tokens.Prompt >= 21, $"input tokens {tokens.Prompt}");
        Assert.Contains("anthropic", completion.Actor.Id, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_AnthropicBacked_JoinedTextAndOutputTokens()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        server.Enqueue(FakeAnthropicReplies.Stream(["Par", "is."]));
        var sink = new CollectingSink();
        await using var recorder = new HiltRecorder(new HiltOptions().WriteTo(sink));
        var client = HiltProxy.Create(NewClient(server).AsIChatClient(FakeAnthropicReplies.Model, 256), recorder);

        var text = string.Empty;
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Capital of France?")]))
        {
            text += update.Text;
        }

        Assert.Equal("Paris.", text);
        var (_, completion) = EventAssert.PromptAndReply(sink.Events);
        Assert.Equal("Paris.", completion.Content?.Text);
        Assert.Equal(FakeAnthropicReplies.Model, completion.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal(9, completion.Metrics?.Tokens?.Completion);
    }

    [Fact]
    public async Task GetResponseAsync_AnthropicOverloaded_ErrorEventWithServerError()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        server.Enqueue(FakeAnthropicReplies.Error(529, "Overloaded", "overloaded_error"));
        var sink = new CollectingSink();
        await using var recorder = new HiltRecorder(new HiltOptions().WriteTo(sink));
        var client = HiltProxy.Create(NewClient(server).AsIChatClient(FakeAnthropicReplies.Model, 256), recorder);

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "Capital of France?")]));

        var (_, error) = EventAssert.PromptAndReply(sink.Events, HiltActions.System);
        Assert.Equal(529L, EventAssert.Long(error, HiltExtensionKeys.StatusCode));
        Assert.Equal("server_error", error.GetExtension(HiltExtensionKeys.ErrorCode));
    }

    private static AnthropicClient NewClient(FakeAnthropicServer server) => new()
    {
        BaseUrl = server.RootUrl,
        ApiKey = FakeAnthropicServer.ApiKey,
        MaxRetries = 0,
    };
}
