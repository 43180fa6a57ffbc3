namespace Hilt.Aop.Tests.Interception;

[HiltSession(Name = "type-session", Tenant = "type-tenant")]
public interface ISupportBot
{
    Task<string> AskAsync([HiltConversationId] string ticketId, [HiltPrompt] string question);

    [HiltChatCall(Provider = "support-llm", Model = "support-1")]
    Task<Answer> AnswerAsync(string text);

    [HiltSession(Name = "method-session")]
    string Summarise(string prompt);

    [HiltSession(Name = "forced", Override = true)]
    string Forced(string prompt);

    int CountTickets();

    [HiltSession(ConversationKey = "auto_1")]
    string Pinned(string prompt);
}

public sealed record Answer(string? Text, HiltTokens? Tokens, string? Model) : IHiltChatResult;

public sealed class SupportBot : ISupportBot
{
    public Func<string, string>? Inner { get; set; }

    public Task<string> AskAsync(string ticketId, string question) => Task.FromResult("answer to " + question);

    public Task<Answer> AnswerAsync(string text) =>
        Task.FromResult(new Answer("42", new HiltTokens { Prompt = 10, Completion = 5 }, "support-1-2026"));

    public string Summarise(string prompt) => Inner?.Invoke(prompt) ?? "summary";

    public string Forced(string prompt) => "forced";

    public int CountTickets() => 7;

    public string Pinned(string prompt) => "pinned";
}

public interface IConventionBot
{
    Task<string> ChatAsync(string message);

    string Translate(string text, string language);
}

public sealed class ConventionBot : IConventionBot
{
    public Task<string> ChatAsync(string message) => Task.FromResult("hi back");

    public string Translate(string text, string language) => text;
}

public class HandWrittenInterfaceTests
{
    [Fact]
    public async Task Intercept_ConversationIdParameter_ThreadsByTicketAndRepliesToPreviousCompletion()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<ISupportBot>(new SupportBot());

        await proxy.AskAsync("ticket-7", "first?");
        await proxy.AskAsync("ticket-7", "second?");
        await proxy.AskAsync("ticket-8", "other?");

        var prompts = harness.Events.Where(e => e.Action == HiltActions.Prompt).ToList();
        var completions = harness.Events.Where(e => e.Action == HiltActions.Completion).ToList();
        Assert.Equal(HiltConversationId.FromKey("ticket-7"), prompts[0].SessionId);
        Assert.Equal(prompts[0].SessionId, prompts[1].SessionId);
        Assert.Equal(HiltConversationId.FromKey("ticket-8"), prompts[2].SessionId);
        Assert.Equal("second?", prompts[1].Content!.Text);
        Assert.Null(prompts[0].GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal(completions[0].EventId, prompts[1].GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Null(prompts[2].GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal("answer to first?", completions[0].Content!.Text);
    }

    [Fact]
    public async Task Intercept_ResultImplementingIHiltChatResult_LogsUsageModelAndProvider()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<ISupportBot>(new SupportBot());

        var answer = await proxy.AnswerAsync("question");

        Assert.Equal("42", answer.Text);
        var prompt = harness.Single(HiltActions.Prompt);
        var completion = harness.Single(HiltActions.Completion);
        Assert.Equal("question", prompt.Content!.Text);
        Assert.Equal("support-1", prompt.GetExtension(HiltExtensionKeys.RequestModel));
        Assert.Equal("42", completion.Content!.Text);
        Assert.Equal(new HiltTokens { Prompt = 10, Completion = 5, Total = 15 }, completion.Metrics!.Tokens);
        Assert.Equal("support-1-2026", completion.GetExtension(HiltExtensionKeys.Model));
        Assert.Equal("support-llm", completion.Actor.Id);
        Assert.Equal("support-llm", completion.GetExtension(HiltExtensionKeys.Provider));
    }

    [Fact]
    public async Task Intercept_ByConvention_LogsAndLeavesOtherMethodsAlone()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<IConventionBot>(new ConventionBot());

        Assert.Equal("hi back", await proxy.ChatAsync("hello there"));
        Assert.Equal("x", proxy.Translate("x", "fr"));

        Assert.Equal(2, harness.Events.Count);
        Assert.Equal("hello there", harness.Single(HiltActions.Prompt).Content!.Text);
        Assert.Equal("hi back", harness.Single(HiltActions.Completion).Content!.Text);
    }

    [Fact]
    public void Intercept_NonChatMethodOnAttributedInterface_WritesNothing()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<ISupportBot>(new SupportBot());

        Assert.Equal(7, proxy.CountTickets());

        Assert.Empty(harness.Events);
    }

    [Fact]
    public void HiltSession_MethodLevelWinsOverTypeLevel_TypeValuesFillTheRest()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<ISupportBot>(new SupportBot());

        proxy.Summarise("text");

        var prompt = harness.Single(HiltActions.Prompt);
        Assert.Equal("method-session", prompt.GetExtension(HiltExtensionKeys.Session));
        Assert.Equal("type-tenant", prompt.GetExtension(HiltExtensionKeys.Tenant));
    }

    [Fact]
    public void HiltSession_ExplicitScopeWinsOverAttribute()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<ISupportBot>(new SupportBot());

        using (HiltScope.Begin(new HiltSession { Name = "explicit" }))
        {
            proxy.Summarise("text");
        }

        var prompt = harness.Single(HiltActions.Prompt);
        Assert.Equal("explicit", prompt.GetExtension(HiltExtensionKeys.Session));
        Assert.Equal("type-tenant", prompt.GetExtension(HiltExtensionKeys.Tenant));
    }

    [Fact]
    public void HiltSession_OverrideWinsOverExplicitScope()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<ISupportBot>(new SupportBot());

        using (HiltScope.Begin(new HiltSession { Name = "explicit", Tenant = "scope-tenant" }))
        {
            proxy.Forced("text");
        }

        var prompt = harness.Single(HiltActions.Prompt);
        Assert.Equal("forced", prompt.GetExtension(HiltExtensionKeys.Session));
        Assert.Equal("scope-tenant", prompt.GetExtension(HiltExtensionKeys.Tenant));
    }

    [Fact]
    public void HiltSession_FixedConversationKey_JoinsThatConversation()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<ISupportBot>(new SupportBot());

        proxy.Pinned("one");
        proxy.Pinned("two");

        Assert.All(harness.Events, e => Assert.Equal("conv_88441d0220c6", e.SessionId));
        var completions = harness.Events.Where(e => e.Action == HiltActions.Completion).ToList();
        Assert.Equal(completions[0].EventId, harness.Events.Where(e => e.Action == HiltActions.Prompt).Last().GetExtension(HiltExtensionKeys.ReplyTo));
    }

    [Fact]
    public void HiltSession_AmbientContainerFrame_RanksBeneathAttributes()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<ISupportBot>(new SupportBot());

        using (HiltScope.Push(new HiltSession { Name = "request-scope", User = "request-user" }, HiltScopeKind.Container))
        {
            proxy.Summarise("text");
            using (HiltScope.Begin(new HiltSession { Name = "explicit" }))
            {
                proxy.Summarise("text");
            }
        }

        var prompts = harness.Events.Where(e => e.Action == HiltActions.Prompt).ToList();
        Assert.Equal("method-session", prompts[0].GetExtension(HiltExtensionKeys.Session));
        Assert.Equal("request-user", prompts[0].Actor.Id);
        Assert.Equal("explicit", prompts[1].GetExtension(HiltExtensionKeys.Session));
    }

    [Fact]
    public void GetPlan_SameMethod_IsBuiltOnce()
    {
        using var harness = new Harness();
        var method = typeof(ISupportBot).GetMethod(nameof(ISupportBot.CountTickets))!;

        var first = harness.Recorder.GetPlan(method, typeof(SupportBot));
        var second = harness.Recorder.GetPlan(method, typeof(SupportBot));

        Assert.Same(first, second);
        Assert.Null(first.Binding);
    }

    [Fact]
    public void HiltSession_ContainerSessionYieldsToExplicitScopeAndFlowsIntoNestedCalls()
    {
        using var harness = new Harness();
        var inner = harness.Proxy<IConventionBot>(new ConventionBot());
        var target = new SupportBot { Inner = p => inner.ChatAsync(p).GetAwaiter().GetResult() };
        var interceptor = new HiltInterceptor(harness.Recorder, new HiltSession { User = "container-user", Tenant = "container-tenant" });
        var proxy = HiltProxy.Create<ISupportBot>(target, interceptor);

        using (HiltScope.Begin(new HiltSession { Tenant = "explicit-tenant" }))
        {
            proxy.Summarise("outer");
        }

        var prompts = harness.Events.Where(e => e.Action == HiltActions.Prompt).ToList();
        Assert.Equal(2, prompts.Count);
        Assert.All(prompts, p => Assert.Equal("container-user", p.Actor.Id));
        Assert.All(prompts, p => Assert.Equal("explicit-tenant", p.GetExtension(HiltExtensionKeys.Tenant)));
        Assert.Equal("outer", prompts[0].Content!.Text);
        Assert.Equal("method-session", prompts[1].GetExtension(HiltExtensionKeys.Session));
        Assert.Null(HiltScope.Current);
    }
}
