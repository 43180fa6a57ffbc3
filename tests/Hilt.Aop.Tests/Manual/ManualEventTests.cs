using Hilt.Aop.Tests.Interception;

namespace Hilt.Aop.Tests.Manual;

public class ManualEventTests
{
    [Fact]
    public void Record_InKeyedScope_FillsConversationTimestampIdAndSession()
    {
        using var harness = new Harness();

        HiltEvent recorded;
        using (HiltScope.Begin("rag_chat_1", tenant: "acme", user: "u1"))
        {
            recorded = harness.Recorder.Record(HiltActions.System, new HiltActor(HiltActorTypes.System, "app"), new HiltContent("started"));
        }

        Assert.Same(recorded, Assert.Single(harness.Events));
        Assert.Equal("conv_9d6ded566067", recorded.SessionId);
        Assert.Equal(harness.Clock.GetUtcNow(), recorded.Timestamp);
        Assert.True(Guid.TryParse(recorded.EventId, out var id));
        Assert.Equal(7, id.Version);
        Assert.Equal("acme", recorded.GetExtension(HiltExtensionKeys.Tenant));
        Assert.Equal("u1", recorded.GetExtension(HiltExtensionKeys.User));
    }

    [Fact]
    public void RecordFeedback_AfterAChatCall_JoinsThatConversation()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<IBot>(new Bot(harness.Clock));

        proxy.Ask("What is HILT?");
        var completion = harness.Single(HiltActions.Completion);
        var feedback = harness.Recorder.RecordFeedback(completion.EventId, rating: 5, comment: "Clear answer");

        Assert.Equal(completion.SessionId, feedback.SessionId);
        Assert.Equal(completion.EventId, feedback.GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal(5.0, feedback.GetExtension("rating"));
        Assert.Equal("Clear answer", feedback.Content!.Text);
        Assert.Equal((HiltActorTypes.Human, "user"), (feedback.Actor.Type, feedback.Actor.Id));
    }

    [Fact]
    public void RecordRetrieval_WritesQueryDocumentsAndBestScore()
    {
        using var harness = new Harness();

        var retrieval = harness.Recorder.RecordRetrieval("refund policy", [new HiltDocument("30 days") { Id = "d1", Score = 0.72 }, new HiltDocument("no receipt") { Id = "d2", Score = 0.91 }]);

        Assert.Equal(HiltActions.Retrieval, retrieval.Action);
        Assert.Equal("refund policy", retrieval.Content!.Text);
        Assert.Equal(0.91, retrieval.GetExtension(HiltExtensionKeys.Score));
        var documents = Assert.IsAssignableFrom<IReadOnlyList<object?>>(retrieval.Content.Extra!["documents"]);
        Assert.Equal(2, documents.Count);
        Assert.Equal("d1", ((IReadOnlyDictionary<string, object?>)documents[0]!)["id"]);
        Assert.Equal(HiltActorTypes.Tool, retrieval.Actor.Type);
    }

    [Fact]
    public void RecordToolCallAndResult_LinkByReplyTo()
    {
        using var harness = new Harness();

        var call = harness.Recorder.RecordToolCall("get_weather", "{\"city\":\"Paris\"}", "call_1");
        var result = harness.Recorder.RecordToolResult("get_weather", "18°C", "call_1", call.EventId);

        Assert.Equal(HiltActions.ToolCall, call.Action);
        Assert.Equal("get_weather", call.Content!.Text);
        Assert.Equal("{\"city\":\"Paris\"}", call.Content.Extra!["arguments"]);
        Assert.Equal(HiltActions.ToolResult, result.Action);
        Assert.Equal((HiltActorTypes.Tool, "get_weather"), (result.Actor.Type, result.Actor.Id));
        Assert.Equal(call.EventId, result.GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal(call.SessionId, result.SessionId);
        Assert.Equal(2, harness.Events.Count);
    }

    [Fact]
    public void RecordGuardrail_IsASystemEvent()
    {
        using var harness = new Harness();

        var guardrail = harness.Recorder.RecordGuardrail("pii-filter", "blocked", "The prompt contained a card number.");

        Assert.Equal(HiltActions.System, guardrail.Action);
        Assert.Equal((HiltActorTypes.System, "pii-filter"), (guardrail.Actor.Type, guardrail.Actor.Id));
        Assert.Equal("blocked", guardrail.GetExtension("decision"));
    }

    [Fact]
    public void Record_SuppressedScope_ReturnsEventButWritesNothing()
    {
        using var harness = new Harness();

        using (HiltScope.Suppress())
        {
            Assert.NotNull(harness.Recorder.RecordGuardrail("g", "allowed"));
        }

        Assert.Empty(harness.Events);
    }

    [Fact]
    public void Record_BadAction_Throws()
    {
        using var harness = new Harness();

        var ex = Assert.Throws<ArgumentException>(() => harness.Recorder.Record("chat", new HiltActor(HiltActorTypes.System, "x")));

        Assert.Contains("prompt", ex.Message, StringComparison.Ordinal);
    }
}
