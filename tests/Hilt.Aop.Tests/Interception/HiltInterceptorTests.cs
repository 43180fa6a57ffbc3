namespace Hilt.Aop.Tests.Interception;

public class HiltInterceptorTests
{
    public static TheoryData<string> Shapes => new() { "sync", "task-of-t", "valuetask-of-t", "task", "valuetask" };

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Intercept_EachShape_ReturnsResultUnchangedAndLogsLinkedEvents(string shape)
    {
        using var harness = new Harness();
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        var result = await Invoke(proxy, shape, "What is the capital of France?");

        if (shape is "sync" or "task-of-t" or "valuetask-of-t")
        {
            Assert.Same(bot.Reply, result);
        }

        Assert.Equal(2, harness.Events.Count);
        var prompt = harness.Events[0];
        var completion = harness.Events[1];
        Assert.Equal(HiltActions.Prompt, prompt.Action);
        Assert.Equal("What is the capital of France?", prompt.Content!.Text);
        Assert.Equal((HiltActorTypes.Human, "user"), (prompt.Actor.Type, prompt.Actor.Id));
        Assert.Equal(HiltActions.Completion, completion.Action);
        Assert.Equal(prompt.EventId, completion.GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal(prompt.SessionId, completion.SessionId);
        Assert.Equal((HiltActorTypes.Agent, nameof(IBot)), (completion.Actor.Type, completion.Actor.Id));
        Assert.Equal(200L, Harness.Ext(completion, HiltExtensionKeys.StatusCode));
        Assert.True(Harness.Ext(completion, HiltExtensionKeys.LatencyMs) >= 250);
        Assert.True(completion.Metrics!.LatencyMs >= 250);
        if (shape is "sync" or "task-of-t" or "valuetask-of-t")
        {
            Assert.Equal("Paris.", completion.Content!.Text);
        }
        else
        {
            Assert.Null(completion.Content);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public async Task Intercept_EachShapeFails_RethrowsSameInstanceAndLogsError(string shape)
    {
        using var harness = new Harness();
        var failure = new InvalidOperationException("the model is down");
        var bot = new Bot(harness.Clock) { Failure = failure };
        var proxy = harness.Proxy<IBot>(bot);

        var caught = await Assert.ThrowsAsync<InvalidOperationException>(() => Invoke(proxy, shape, "hello"));

        Assert.Same(failure, caught);
        var prompt = harness.Single(HiltActions.Prompt);
        var error = harness.Single(HiltActions.System);
        Assert.DoesNotContain(harness.Events, e => e.Action == HiltActions.Completion);
        Assert.Equal(prompt.EventId, error.GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal("Error: the model is down", error.Content!.Text);
        Assert.Equal(HiltActorTypes.System, error.Actor.Type);
        Assert.Equal(500L, Harness.Ext(error, HiltExtensionKeys.StatusCode));
        Assert.Equal("api_error", error.GetExtension(HiltExtensionKeys.ErrorCode));
        Assert.Equal(typeof(InvalidOperationException).FullName, error.GetExtension(HiltExtensionKeys.ErrorType));
        Assert.True(Harness.Ext(error, HiltExtensionKeys.LatencyMs) >= 250);
    }

    [Fact]
    public async Task Intercept_TaskThrowingSynchronously_RethrowsSameInstanceWithStackAndLogsError()
    {
        using var harness = new Harness();
        var failure = new ArgumentException("bad prompt");
        var proxy = harness.Proxy<IBot>(new Bot(harness.Clock) { Failure = failure });

        var caught = await Assert.ThrowsAsync<ArgumentException>(() => proxy.FailEarlyAsync("x"));

        Assert.Same(failure, caught);
        Assert.Contains(nameof(Bot.FailEarlyAsync), caught.StackTrace);
        Assert.Equal(typeof(ArgumentException).FullName, harness.Single(HiltActions.System).GetExtension(HiltExtensionKeys.ErrorType));
    }

    [Fact]
    public async Task Intercept_CallerCancels_RethrowsAndLogsCancelled()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<IBot>(new Bot(harness.Clock));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        var caught = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => proxy.AskAsync("hi", cts.Token));

        Assert.Equal(cts.Token, caught.CancellationToken);
        var error = harness.Single(HiltActions.System);
        Assert.Equal(499L, Harness.Ext(error, HiltExtensionKeys.StatusCode));
        Assert.Equal("cancelled", error.GetExtension(HiltExtensionKeys.ErrorCode));
    }

    [Fact]
    public void Intercept_NonChatMethods_PassThroughAndWriteNothing()
    {
        using var harness = new Harness();
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        Assert.Equal(5, proxy.Add(2, 3));
        Assert.Equal("about x", proxy.Describe("x"));
        Assert.Equal("p", proxy.Echo("p"));

        Assert.Equal(1, bot.AddCalls);
        Assert.Empty(harness.Events);
    }

    [Fact]
    public void Intercept_SinkThrowsOnEveryEvent_CallsReturnNormally()
    {
        var sink = new ThrowingSink();
        using var harness = new Harness(sink: sink);
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        for (var i = 0; i < 3; i++)
        {
            Assert.Same(bot.Reply, proxy.Ask("hello"));
        }

        Assert.Equal(6, sink.Attempts);
        Assert.Equal(6, harness.Recorder.Diagnostics.InternalErrors);
    }

    [Fact]
    public async Task Intercept_SinkThrowsOnEveryEvent_AsyncAndStreamsReturnNormally()
    {
        var sink = new ThrowingSink();
        using var harness = new Harness(o => o.LogStreamingChunks = true, sink);
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        Assert.Same(bot.Reply, await proxy.AskAsync("hello"));
        var chunks = new List<string>();
        await foreach (var chunk in proxy.StreamAsync("hello"))
        {
            chunks.Add(chunk);
        }

        Assert.Equal(bot.Chunks, chunks);
        Assert.True(sink.Attempts >= 4);
    }

    [Fact]
    public async Task Intercept_RedactorThrows_CallsReturnNormallyAndEventsAreDroppedAndCounted()
    {
        using var harness = new Harness(o => o.Redactor = new ThrowingRedactor());
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        Assert.Same(bot.Reply, proxy.Ask("hello"));
        Assert.Same(bot.Reply, await proxy.AskAsync("hello"));

        Assert.Empty(harness.Events);
        Assert.Equal(4, harness.Recorder.Diagnostics.InternalErrors);
        Assert.Equal(4, harness.Recorder.Diagnostics.LostEvents);
    }

    [Fact]
    public async Task Intercept_BindingFailsReadingTheResult_CallReturnsAndPromptStays()
    {
        using var harness = new Harness(o => o.ChatCallAdapters.Add(new ResultBugAdapter()));
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        Assert.Same(bot.Reply, await proxy.AskAsync("hello"));

        Assert.Equal(HiltActions.Prompt, Assert.Single(harness.Events).Action);
        Assert.Equal(1, harness.Recorder.Diagnostics.InternalErrors);
    }

    [Fact]
    public async Task Intercept_ConcurrentCallsInTheirOwnScopes_EachCompletionRepliesToItsOwnPrompt()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<IBot>(new Bot(harness.Clock));

        await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(async () =>
        {
            using (HiltScope.Begin($"conversation-{i}"))
            {
                await proxy.AskAsync($"question {i}");
            }
        })));

        var prompts = harness.Events.Where(e => e.Action == HiltActions.Prompt).ToDictionary(e => e.EventId);
        var completions = harness.Events.Where(e => e.Action == HiltActions.Completion).ToList();
        Assert.Equal(64, prompts.Count);
        Assert.Equal(64, completions.Count);
        foreach (var completion in completions)
        {
            var prompt = prompts[(string)completion.GetExtension(HiltExtensionKeys.ReplyTo)!];
            Assert.Equal(prompt.SessionId, completion.SessionId);
            Assert.Equal(HiltConversationId.FromKey("conversation-" + prompt.Content!.Text!["question ".Length..]), prompt.SessionId);
        }
    }

    [Fact]
    public void Intercept_SuppressedScope_WritesNothing()
    {
        using var harness = new Harness();
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        using (HiltScope.Suppress())
        {
            Assert.Same(bot.Reply, proxy.Ask("secret"));
        }

        Assert.Empty(harness.Events);
        proxy.Ask("public");
        Assert.Equal(2, harness.Events.Count);
    }

    [Fact]
    public void Intercept_AdapterThatThrows_CallGoesOnAndErrorIsCounted()
    {
        using var harness = new Harness(o => o.ChatCallAdapters.Add(new BrokenAdapter()));
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        Assert.Same(bot.Reply, proxy.Ask("hello"));
        Assert.Equal(5, proxy.Add(2, 3));

        Assert.Empty(harness.Events);
        Assert.True(harness.Recorder.Diagnostics.InternalErrors >= 1);
    }

    [Fact]
    public void Intercept_SessionScope_EnrichesEvents()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<IBot>(new Bot(harness.Clock));

        using (HiltScope.Begin(new HiltSession { ConversationKey = "rag_chat_1", Tenant = "acme", User = "u42", Name = "support" }))
        {
            proxy.Ask("hello");
        }

        var prompt = harness.Single(HiltActions.Prompt);
        var completion = harness.Single(HiltActions.Completion);
        Assert.Equal("conv_9d6ded566067", prompt.SessionId);
        Assert.Equal((HiltActorTypes.Human, "u42"), (prompt.Actor.Type, prompt.Actor.Id));
        foreach (var e in new[] { prompt, completion })
        {
            Assert.Equal("acme", e.GetExtension(HiltExtensionKeys.Tenant));
            Assert.Equal("u42", e.GetExtension(HiltExtensionKeys.User));
            Assert.Equal("support", e.GetExtension(HiltExtensionKeys.Session));
        }
    }

    [Fact]
    public void HiltProxy_NotAnInterface_Throws()
    {
        using var harness = new Harness();
        Assert.Throws<ArgumentException>(() => HiltProxy.Create(new Bot(harness.Clock), harness.Recorder));
    }

    private static async Task<string?> Invoke(IBot proxy, string shape, string prompt)
    {
        switch (shape)
        {
            case "sync":
                return proxy.Ask(prompt);
            case "task-of-t":
                return await proxy.AskAsync(prompt);
            case "valuetask-of-t":
                return await proxy.AskValueAsync(prompt);
            case "task":
                await proxy.SayAsync(prompt);
                return null;
            default:
                await proxy.SayValueAsync(prompt);
                return null;
        }
    }
}

internal sealed class ThrowingSink : IHiltSink
{
    private int _attempts;

    public int Attempts => _attempts;

    public void Emit(HiltEvent hiltEvent)
    {
        Interlocked.Increment(ref _attempts);
        throw new IOException("disk full");
    }

    public Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose()
    {
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}

internal sealed class ThrowingRedactor : IHiltRedactor
{
    public HiltEvent Redact(HiltEvent hiltEvent) => throw new FormatException("redactor bug");
}

internal sealed class ResultBugAdapter : IHiltChatCallAdapter
{
    public HiltChatCallBinding? TryBind(System.Reflection.MethodInfo method, Type? targetType) =>
        method.Name == nameof(IBot.AskAsync) ? new Binding() : null;

    private sealed class Binding : HiltChatCallBinding
    {
        public override HiltChatRequest ReadRequest(object? target, object?[] arguments) => new() { PromptText = (string?)arguments[0] };

        public override HiltChatResponse? ReadResponse(object? result) => throw new InvalidCastException("result bug");
    }
}

internal sealed class BrokenAdapter : IHiltChatCallAdapter
{
    public HiltChatCallBinding? TryBind(System.Reflection.MethodInfo method, Type? targetType) =>
        method.Name == nameof(IBot.Ask) ? new BrokenBinding() : throw new NotSupportedException("adapter bug");

    private sealed class BrokenBinding : HiltChatCallBinding
    {
        public override HiltChatRequest ReadRequest(object? target, object?[] arguments) => throw new InvalidCastException("binding bug");
    }
}
