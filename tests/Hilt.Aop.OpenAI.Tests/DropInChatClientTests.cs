using System.ClientModel;
using Hilt.Aop.Testing;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

public sealed class DropInChatClientTests
{
    [Fact]
    public async Task CompleteChat_OneCall_WritesLinkedPromptAndCompletionWithUsageAndModel()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = bed.DropIn();

        var result = client.CompleteChat([new SystemChatMessage("Be brief."), new UserChatMessage("Capital of France?")]);

        Assert.Equal("Paris.", result.Value.Content[0].Text);
        var (prompt, completion) = EventAssert.PromptAndReply(bed.Events);
        AssertPlainCompletion(prompt, completion);
        Assert.Equal(1, bed.Server.RequestCount);
    }

    [Fact]
    public async Task CompleteChatAsync_OneCall_WritesLinkedPromptAndCompletionWithUsageAndModel()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = bed.DropIn();

        var result = await client.CompleteChatAsync([new UserChatMessage("Capital of France?")]);

        Assert.Equal("Paris.", result.Value.Content[0].Text);
        var (prompt, completion) = EventAssert.PromptAndReply(bed.Events);
        AssertPlainCompletion(prompt, completion);
    }

    [Fact]
    public async Task CompleteChat_ParamsOverload_StillOnePair()
    {
        // The SDK's params overload calls the IEnumerable overload inside the target: that call must not be logged again.
        await using var bed = await OpenAITestBed.StartAsync();
        var client = bed.DropIn();

        client.CompleteChat(new UserChatMessage("Capital of France?"));
        await client.CompleteChatAsync(new UserChatMessage("Capital of France?"));

        Assert.Equal(4, bed.Events.Count);
        Assert.Equal([HiltActions.Prompt, HiltActions.Completion, HiltActions.Prompt, HiltActions.Completion], bed.Events.Select(e => e.Action));
        Assert.Equal(2, bed.Server.RequestCount);
    }

    [Fact]
    public async Task WithHilt_Result_KeepsModelEndpointAndPipelineOfTarget()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var target = bed.SdkClient();

        var client = target.WithHilt(bed.Recorder);

#pragma warning disable OPENAI001
        Assert.Equal(OpenAITestBed.RequestModel, client.Model);
        Assert.Equal(target.Endpoint, client.Endpoint);
        Assert.Equal(new Uri(bed.Server.Url), client.Endpoint);
#pragma warning restore OPENAI001
        Assert.Same(target.Pipeline, client.Pipeline);
        Assert.NotSame(target, client);
        Assert.Same(client, client.WithHilt(bed.Recorder));
    }

    [Fact]
    public async Task CreateChatClient_FromModelAndKey_LogsCallsAndSendsTheKey()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = HiltOpenAI.CreateChatClient(OpenAITestBed.RequestModel, FakeOpenAIServer.ApiKey, bed.ClientOptions(), bed.Recorder);

        await client.CompleteChatAsync([new UserChatMessage("Capital of France?")]);

        var (prompt, completion) = EventAssert.PromptAndReply(bed.Events);
        AssertPlainCompletion(prompt, completion);
        Assert.Equal(0L, EventAssert.Long(completion, HiltExtensionKeys.Retries));
        Assert.Equal("Bearer " + FakeOpenAIServer.ApiKey, bed.Server.Requests[0].Authorization);
    }

    [Fact]
    public async Task CreateChatClient_TwoFailuresThenSuccess_OneCompletionWithTwoRetries()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Error(500), FakeOpenAIReplies.Error(503), FakeOpenAIReplies.Completion());
        var options = bed.ClientOptions(retries: 3);
        var client = HiltOpenAI.CreateChatClient(OpenAITestBed.RequestModel, new ApiKeyCredential(FakeOpenAIServer.ApiKey), options, bed.Recorder);

        var result = await client.CompleteChatAsync([new UserChatMessage("Capital of France?")]);

        Assert.Equal(200, result.GetRawResponse().Status);
        Assert.Equal(3, bed.Server.RequestCount);
        var (_, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal(200L, EventAssert.Long(completion, HiltExtensionKeys.StatusCode));
        Assert.Equal(2L, EventAssert.Long(completion, HiltExtensionKeys.Retries));
    }

    [Fact]
    public async Task CreateChatClient_AllTriesFail_OneErrorWithLastStatusAndRetries()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Error(500), FakeOpenAIReplies.Error(502), FakeOpenAIReplies.Error(503, "Still down."));
        var client = HiltOpenAI.CreateChatClient(OpenAITestBed.RequestModel, FakeOpenAIServer.ApiKey, bed.ClientOptions(retries: 2), bed.Recorder);

        var thrown = Assert.Throws<ClientResultException>(() => client.CompleteChat([new UserChatMessage("Capital of France?")]));

        Assert.Equal(503, thrown.Status);
        Assert.Equal(3, bed.Server.RequestCount);
        ErrorTests.AssertError(bed, 503, "server_error", expectedText: "Still down.");
        Assert.Equal(2L, EventAssert.Long(bed.Events[1], HiltExtensionKeys.Retries));
    }

    [Fact]
    public async Task WithHilt_RetriesOn_TwoFailuresThenSuccess_OneCompletionStatus200()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        bed.Server.Enqueue(FakeOpenAIReplies.Error(429, "slow down"), FakeOpenAIReplies.Error(500), FakeOpenAIReplies.Completion());
        var client = bed.DropIn(retries: 3);

        client.CompleteChat([new UserChatMessage("Capital of France?")]);

        Assert.Equal(3, bed.Server.RequestCount);
        var (_, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal(200L, EventAssert.Long(completion, HiltExtensionKeys.StatusCode));
        Assert.Null(completion.GetExtension(HiltExtensionKeys.Retries));
    }

    [Fact]
    public async Task WithHilt_InsideSuppressedScope_WritesNothingAndStillAnswers()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = bed.DropIn();

        using (HiltScope.Suppress())
        {
            var result = client.CompleteChat([new UserChatMessage("Capital of France?")]);
            Assert.Equal("Paris.", result.Value.Content[0].Text);
        }

        Assert.Empty(bed.Events);
    }

    [Fact]
    public async Task WithHilt_InsideSessionScope_ConversationIdTenantAndUserFromTheScope()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = bed.DropIn();

        using (HiltScope.Begin("ticket-42", tenant: "acme", user: "u-7"))
        {
            await client.CompleteChatAsync([new UserChatMessage("Capital of France?")]);
        }

        var (prompt, completion) = EventAssert.PromptAndReply(bed.Events);
        Assert.Equal(HiltConversationId.FromKey("ticket-42"), prompt.SessionId);
        Assert.Equal("u-7", prompt.Actor.Id);
        Assert.Equal("acme", completion.GetExtension(HiltExtensionKeys.Tenant));
    }

    [Fact]
    public async Task WithHilt_ForwardsUnloggedMethodsToTarget()
    {
        await using var bed = await OpenAITestBed.StartAsync();
        var client = bed.DropIn();

        var raw = client.CompleteChat(BinaryContent.Create(BinaryData.FromString("""{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}]}""")));

        Assert.Equal(200, raw.GetRawResponse().Status);
        Assert.Equal(1, bed.Server.RequestCount);
        Assert.Empty(bed.Events);
    }

    [Fact]
    public async Task WithHilt_NullArguments_Throw()
    {
        await using var bed = await OpenAITestBed.StartAsync();

        Assert.Throws<ArgumentNullException>("client", () => ((ChatClient)null!).WithHilt(bed.Recorder));
        Assert.Throws<ArgumentNullException>("recorder", () => bed.SdkClient().WithHilt(null!));
        Assert.Throws<ArgumentNullException>("client", () => ((ChatClient)null!).AsOpenAIChatClient());
    }

    internal static void AssertPlainCompletion(HiltEvent prompt, HiltEvent completion)
    {
        Assert.Equal("Capital of France?", prompt.Content?.Text);
        Assert.Equal(HiltActorTypes.Human, prompt.Actor.Type);
        Assert.Equal(OpenAITestBed.RequestModel, prompt.GetExtension(HiltExtensionKeys.RequestModel));
        Assert.Equal("Paris.", completion.Content?.Text);
        Assert.Equal("openai", completion.Actor.Id);
        Assert.Equal(FakeOpenAIReplies.Model, completion.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal(200L, EventAssert.Long(completion, HiltExtensionKeys.StatusCode));
        Assert.Equal("stop", completion.GetExtension(HiltExtensionKeys.FinishReason));
        Assert.Equal(FakeOpenAIReplies.CompletionId, completion.GetExtension(HiltExtensionKeys.ResponseId));
        var usage = new FakeOpenAIUsage();
        var tokens = completion.Metrics?.Tokens;
        Assert.NotNull(tokens);
        Assert.Equal(usage.Prompt, tokens.Prompt);
        Assert.Equal(usage.Completion, tokens.Completion);
        Assert.Equal(usage.Total, tokens.Total);
        Assert.Equal(usage.Cached, tokens.Cached);
        Assert.Equal(usage.Reasoning, tokens.Reasoning);
        Assert.True(completion.Metrics!.LatencyMs >= 0);
        Assert.True(completion.Metrics.CostUsd > 0m, "the answered model is priced");
    }
}
