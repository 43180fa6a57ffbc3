using Hilt.Aop.Testing;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

public sealed class OpenAIChatClientAdapterTests
{
    [Fact]
    public async Task CompleteChat_ThroughInterceptor_WritesLinkedPromptAndCompletionWithUsageAndModel()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = bed.Adapter();

        var result = client.CompleteChat([new UserChatMessage("Capital of France?")]);

        Assert.Equal("Paris.", result.Value.Content[0].Text);
        var (prompt, completion) = EventAssert.PromptAndReply(bed.Events);
        DropInChatClientTests.AssertPlainCompletion(prompt, completion);
    }

    [Fact]
    public async Task CompleteChatAsync_ThroughInterceptor_WritesLinkedPromptAndCompletionWithUsageAndModel()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = bed.Adapter();

        var result = await client.CompleteChatAsync([new UserChatMessage("Capital of France?")]);

        Assert.Equal("Paris.", result.Value.Content[0].Text);
        var (prompt, completion) = EventAssert.PromptAndReply(bed.Events);
        DropInChatClientTests.AssertPlainCompletion(prompt, completion);
    }

    [Fact]
    public async Task ClassProxyOfChatClient_ThroughInterceptor_OneUserCallIsOnePair()
    {
        // A Castle class proxy with target: the target's own overload chain is not intercepted.
        await using var bed = await OpenAITestBed.StartAsync();
        var target = bed.SdkClient();
        var proxy = (ChatClient)HiltProxy.Generator.CreateClassProxyWithTarget(typeof(ChatClient), target, new HiltInterceptor(bed.Recorder));

        await proxy.CompleteChatAsync(new UserChatMessage("Capital of France?"));

#pragma warning disable OPENAI001
        Assert.Null(proxy.Model); // not virtual: the proxy's own base is empty, which is why WithHilt builds a subclass instead
#pragma warning restore OPENAI001
        var (prompt, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal("Capital of France?", prompt.Content?.Text);
        Assert.Equal(FakeOpenAIReplies.Model, completion.GetExtension(HiltExtensionKeys.Model));
    }

    [Fact]
    public async Task AddOpenAI_Twice_AddsTheAdapterOnce()
    {
        var options = new HiltOptions().AddOpenAI().AddOpenAI();

        Assert.Single(options.ChatCallAdapters);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task WithoutAddOpenAI_AdapterCallsPassThroughUnlogged()
    {
        await using var server = await FakeOpenAIServer.StartAsync();
        var sink = new CollectingSink();
        await using var recorder = new HiltRecorder(new HiltOptions().WriteTo(sink));
        var sdk = new ChatClient(OpenAITestBed.RequestModel, new System.ClientModel.ApiKeyCredential(FakeOpenAIServer.ApiKey), new global::OpenAI.OpenAIClientOptions { Endpoint = new Uri(server.Url) });
        var client = HiltProxy.Create(sdk.AsOpenAIChatClient(), recorder);

        var result = await client.CompleteChatAsync([new UserChatMessage("Capital of France?")]);

        Assert.Equal("Paris.", result.Value.Content[0].Text);
        Assert.Empty(sink.Events);
    }
}
