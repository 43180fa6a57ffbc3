using Hilt.Aop.Tests.Interception;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Tests.ChatClients;

public class ChatClientTests
{
    public static TheoryData<string> Paths => new() { "proxy", "UseHilt" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetResponseAsync_LogsPromptAndCompletionWithUsageModelAndProvider(string path)
    {
        using var harness = new Harness();
        var fake = new FakeChatClient();
        var client = Wrap(harness, fake, path);
        ChatResponse? inner = null;
        fake.Respond = (m, o) => inner = new FakeChatClient().Respond(m, o);

        var response = await client.GetResponseAsync(
            [new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Capital of France?")],
            new ChatOptions { ModelId = "fake-model" });

        Assert.Same(inner, response);
        var prompt = harness.Single(HiltActions.Prompt);
        var completion = harness.Single(HiltActions.Completion);
        Assert.Equal("Capital of France?", prompt.Content!.Text);
        Assert.Equal("fake-model", prompt.GetExtension(HiltExtensionKeys.RequestModel));
        Assert.Equal("reply 2", completion.Content!.Text);
        Assert.Equal(prompt.EventId, completion.GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal(new HiltTokens { Prompt = 15, Completion = 87, Total = 102, Cached = 4, Reasoning = 7 }, completion.Metrics!.Tokens);
        Assert.Equal("fake-model-2026", completion.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal("fake-model", completion.GetExtension(HiltExtensionKeys.RequestModel));
        Assert.Equal("stop", completion.GetExtension(HiltExtensionKeys.FinishReason));
        Assert.Equal("resp_1", completion.GetExtension(HiltExtensionKeys.ResponseId));
        Assert.Equal(200L, Harness.Ext(completion, HiltExtensionKeys.StatusCode));
        Assert.Equal(("agent", "fakeai"), (completion.Actor.Type, completion.Actor.Id));
        Assert.Equal("fakeai", completion.GetExtension(HiltExtensionKeys.Provider));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetStreamingResponseAsync_LogsJoinedTextAndUsageContent(string path)
    {
        using var harness = new Harness();
        var fake = new FakeChatClient();
        var client = Wrap(harness, fake, path);

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Say hello in French")]))
        {
            updates.Add(update);
        }

        Assert.Equal(fake.Updates, updates);
        var completion = harness.Single(HiltActions.Completion);
        Assert.Equal("Bonjour !", completion.Content!.Text);
        Assert.Equal(new HiltTokens { Prompt = 9, Completion = 3, Total = 12 }, completion.Metrics!.Tokens);
        Assert.Equal("fake-model-2026", completion.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal("resp_s", completion.GetExtension(HiltExtensionKeys.ResponseId));
        Assert.Equal("stop", completion.GetExtension(HiltExtensionKeys.FinishReason));
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Stream));
        Assert.NotNull(completion.GetExtension(HiltExtensionKeys.TtftMs));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetStreamingResponseAsync_AbandonedAfterTwoUpdates_LogsPartialCompletion(string path)
    {
        using var harness = new Harness();
        var client = Wrap(harness, new FakeChatClient(), path);

        var count = 0;
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")]))
        {
            if (++count == 2)
            {
                break;
            }
        }

        var completion = harness.Single(HiltActions.Completion);
        Assert.Equal("Bonjour", completion.Content!.Text);
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Partial));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task GetResponseAsync_ProviderError_RethrowsAndLogsStatus(string path)
    {
        using var harness = new Harness();
        var failure = new HttpRequestException("Too many requests", null, System.Net.HttpStatusCode.TooManyRequests);
        var client = Wrap(harness, new FakeChatClient { Failure = failure }, path);

        var caught = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetResponseAsync("hi"));

        Assert.Same(failure, caught);
        var error = harness.Single(HiltActions.System);
        Assert.Equal(429L, Harness.Ext(error, HiltExtensionKeys.StatusCode));
        Assert.Equal("rate_limit", error.GetExtension(HiltExtensionKeys.ErrorCode));
        Assert.Equal("fakeai", error.Actor.Id);
        Assert.Equal("Error: Too many requests", error.Content!.Text);
    }

    [Fact]
    public async Task GetResponseAsync_NoModelInResponse_FallsBackToRequestedModel()
    {
        using var harness = new Harness();
        var fake = new FakeChatClient { Respond = (_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")) };
        var client = Wrap(harness, fake, "UseHilt");

        await client.GetResponseAsync("hi", new ChatOptions { ModelId = "asked-model" });

        Assert.Equal("asked-model", harness.Single(HiltActions.Completion).GetExtension(HiltExtensionKeys.Model));
    }

    [Fact]
    public async Task GetResponseAsync_ConversationIdOption_IsTheConversationKey()
    {
        using var harness = new Harness();
        var client = Wrap(harness, new FakeChatClient(), "proxy");

        using (HiltScope.Begin("scope-key"))
        {
            await client.GetResponseAsync("hi", new ChatOptions { ConversationId = "rag_chat_1" });
        }

        Assert.All(harness.Events, e => Assert.Equal("conv_9d6ded566067", e.SessionId));
    }

    [Fact]
    public async Task GetResponseAsync_MultiPartMessage_LogsTextAndDescribesImagesWithoutBytes()
    {
        using var harness = new Harness();
        var client = Wrap(harness, new FakeChatClient(), "UseHilt");
        var bytes = new byte[2048];
        bytes.AsSpan().Fill(0x41);
        var message = new ChatMessage(ChatRole.User, [new TextContent("What is in "), new DataContent(bytes, "image/png"), new TextContent("this picture?"), new UriContent(new Uri("https://example.com/cat.jpg"), "image/jpeg")]);

        await client.GetResponseAsync([message]);

        var prompt = harness.Single(HiltActions.Prompt);
        Assert.Equal("What is in this picture?", prompt.Content!.Text);
        var images = prompt.Content.Images!;
        Assert.Equal(2, images.Count);
        var data = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(images[0]);
        Assert.Equal("data", data["kind"]);
        Assert.Equal(2048, data["bytes"]);
        Assert.Equal("image/png", data["media_type"]);
        Assert.DoesNotContain(images, i => i!.ToString()!.Contains("QUFB", StringComparison.Ordinal));
        var uri = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(images[1]);
        Assert.Equal("https://example.com/cat.jpg", uri["uri"]);
    }

    [Fact]
    public async Task GetResponseAsync_ToolCallOnlyReply_LogsToolCallEventsNotNoneText()
    {
        using var harness = new Harness();
        var fake = new FakeChatClient
        {
            Respond = (_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent("call_1", "get_weather", new Dictionary<string, object?> { ["city"] = "Paris" })]))
            {
                FinishReason = ChatFinishReason.ToolCalls,
            },
        };
        var client = Wrap(harness, fake, "proxy");

        await client.GetResponseAsync("Weather in Paris?");

        var completion = harness.Single(HiltActions.Completion);
        Assert.Null(completion.Content);
        var toolCall = harness.Single(HiltActions.ToolCall);
        Assert.Equal("get_weather", toolCall.Content!.Text);
        Assert.Equal("{\"city\":\"Paris\"}", toolCall.Content.Extra!["arguments"]);
        Assert.Equal("call_1", toolCall.Content.Extra["call_id"]);
        Assert.Equal(completion.EventId, toolCall.GetExtension(HiltExtensionKeys.ReplyTo));
    }

    [Fact]
    public async Task UseHilt_RecorderFromServices_IsUsed()
    {
        using var harness = new Harness();
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, harness.Recorder);
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var client = new ChatClientBuilder(new FakeChatClient()).UseHilt().Build(provider);

        await client.GetResponseAsync("hi");

        Assert.Equal(2, harness.Events.Count);
    }

    internal static IChatClient Wrap(Harness harness, FakeChatClient fake, string path) =>
        path == "proxy" ? HiltProxy.Create<IChatClient>(fake, harness.Recorder) : new ChatClientBuilder(fake).UseHilt(harness.Recorder).Build();
}
