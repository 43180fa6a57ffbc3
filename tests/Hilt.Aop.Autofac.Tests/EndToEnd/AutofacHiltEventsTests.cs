using Autofac;
using Hilt.Aop.Autofac.Interception;
using Hilt.Aop.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hilt.Aop.Autofac.Tests.EndToEnd;

public sealed class AutofacHiltEventsTests
{
    private readonly CollectingSink _sink = new();

    private IContainer Build(Action<ContainerBuilder>? configure = null)
    {
        var builder = new ContainerBuilder();
        builder.AddHilt(o =>
        {
            o.TimeProvider = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 12, 0, 0, TimeSpan.Zero));
            o.WriteTo(_sink);
        });
        builder.RegisterType<FakeChatService>().As<IChatService>().As<ITranslator>().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor));
        configure?.Invoke(builder);
        return builder.Build();
    }

    private HiltEvent[] Events(string action) => _sink.Events.Where(e => e.Action == action).ToArray();

    [Fact]
    public async Task ExactLine_SyncAsyncAndStreaming_EventsWrittenAndResultsUnchanged()
    {
        using var container = Build();
        var service = container.Resolve<IChatService>();

        var sync = service.Ask("what is hilt");
        var async = await service.AskAsync("and async");
        var chunks = new List<string>();
        await foreach (var chunk in service.StreamAsync("stream these words"))
        {
            chunks.Add(chunk);
        }

        Assert.Equal("echo: what is hilt", sync);
        Assert.Equal("async echo: and async", async);
        Assert.Equal(["stream", "these", "words"], chunks);
        Assert.Equal(["what is hilt", "and async", "stream these words"], Events(HiltActions.Prompt).Select(e => e.Content?.Text));
        var completions = Events(HiltActions.Completion).Select(e => e.Content?.Text).ToArray();
        Assert.Equal(3, completions.Length);
        Assert.Contains("echo: what is hilt", completions);
        Assert.Contains("async echo: and async", completions);
        Assert.Contains(completions, c => c is not null && c.Contains("stream", StringComparison.Ordinal) && c.Contains("words", StringComparison.Ordinal));
    }

    [Fact]
    public void ExactLine_SecondInterfaceAndNonChatMethod_OnlyChatCallsLogged()
    {
        using var container = Build();

        var translated = container.Resolve<ITranslator>().Translate("bonjour");
        var words = container.Resolve<IChatService>().CountWords("one two");

        Assert.Equal("translated: bonjour", translated);
        Assert.Equal(2, words);
        var prompt = Assert.Single(Events(HiltActions.Prompt));
        Assert.Equal("bonjour", prompt.Content?.Text);
        Assert.Equal("translated: bonjour", Assert.Single(Events(HiltActions.Completion)).Content?.Text);
    }

    [Fact]
    public async Task BeginHiltScope_FiftyConcurrentRequests_EveryEventCarriesItsOwnRequestsConversationAndTenant()
    {
        using var container = Build();

        var requests = Enumerable.Range(0, 50).Select(async i =>
        {
            await Task.Yield();
            using var scope = container.BeginHiltScope($"request-{i}", tenant: $"tenant-{i % 5}");
            var service = scope.Resolve<IChatService>();
            for (var turn = 0; turn < 2; turn++)
            {
                await Task.Yield();
                await service.AskAsync($"request-{i}");
            }
        });
        await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(15));

        var prompts = Events(HiltActions.Prompt);
        Assert.Equal(100, prompts.Length);
        var byId = _sink.Events.ToDictionary(e => e.EventId);
        foreach (var completion in Events(HiltActions.Completion))
        {
            var prompt = byId[(string)completion.GetExtension(HiltExtensionKeys.ReplyTo)!];
            Assert.Equal(prompt.SessionId, completion.SessionId);
            Assert.Equal(prompt.GetExtension(HiltExtensionKeys.Tenant), completion.GetExtension(HiltExtensionKeys.Tenant));
        }

        foreach (var prompt in prompts)
        {
            var key = prompt.Content!.Text!;
            var i = int.Parse(key["request-".Length..]);
            Assert.Equal(HiltConversationId.FromKey(key), prompt.SessionId);
            Assert.Equal($"tenant-{i % 5}", prompt.GetExtension(HiltExtensionKeys.Tenant));
        }

        Assert.Equal(50, prompts.Select(p => p.SessionId).Distinct().Count());
        Assert.Equal(100, Events(HiltActions.Completion).Length);
    }

    [Fact]
    public void WithHiltSession_NestedScope_OverridesThenOuterRestored()
    {
        using var container = Build();
        using var outer = container.BeginLifetimeScope(b => b.WithHiltSession(new HiltSession { ConversationKey = "outer", Tenant = "acme" }));

        outer.Resolve<IChatService>().Ask("first");
        using (var inner = outer.BeginHiltScope(new HiltSession { ConversationKey = "inner" }))
        {
            inner.Resolve<IChatService>().Ask("second");
        }

        outer.Resolve<IChatService>().Ask("third");

        var prompts = Events(HiltActions.Prompt);
        Assert.Equal(
            [HiltConversationId.FromKey("outer"), HiltConversationId.FromKey("inner"), HiltConversationId.FromKey("outer")],
            prompts.Select(p => p.SessionId));
        Assert.All(prompts, p => Assert.Equal("acme", p.GetExtension(HiltExtensionKeys.Tenant)));
    }

    [Fact]
    public void HiltScopeBegin_InsideContainerScope_ExplicitScopeWins()
    {
        using var container = Build();
        using var scope = container.BeginHiltScope("container-key", tenant: "container-tenant", user: "container-user");
        var service = scope.Resolve<IChatService>();

        using (HiltScope.Begin("explicit-key", tenant: "explicit-tenant"))
        {
            service.Ask("inside explicit");
        }

        service.Ask("after explicit");

        var prompts = Events(HiltActions.Prompt);
        Assert.Equal(HiltConversationId.FromKey("explicit-key"), prompts[0].SessionId);
        Assert.Equal("explicit-tenant", prompts[0].GetExtension(HiltExtensionKeys.Tenant));
        Assert.Equal("container-user", prompts[0].GetExtension(HiltExtensionKeys.User));
        Assert.Equal(HiltConversationId.FromKey("container-key"), prompts[1].SessionId);
        Assert.Equal("container-tenant", prompts[1].GetExtension(HiltExtensionKeys.Tenant));
    }

    [Fact]
    public void HiltSessionAttribute_ThroughContainer_AppliesAboveContainerSession()
    {
        using var container = Build(b =>
            b.RegisterType<AttributedChatService>().As<IAttributedChat>().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor)));
        using var scope = container.BeginHiltScope("scoped", tenant: "container-tenant");

        var answer = scope.Resolve<IAttributedChat>().Ask("hello");

        Assert.Equal("attributed: hello", answer);
        var prompt = Assert.Single(Events(HiltActions.Prompt));
        Assert.Equal("from-attribute", prompt.GetExtension(HiltExtensionKeys.Tenant));
        Assert.Equal("attributed", prompt.GetExtension(HiltExtensionKeys.Session));
        Assert.Equal(HiltConversationId.FromKey("scoped"), prompt.SessionId);
    }

    [Fact]
    public void InterceptAttribute_HiltInterceptorOnInterface_Logged()
    {
        using var container = Build(b => b.RegisterType<MarkedChat>().As<IMarkedChat>().EnableInterfaceInterceptors());

        container.Resolve<IMarkedChat>().Ask("marked prompt");

        Assert.Equal("marked prompt", Assert.Single(Events(HiltActions.Prompt)).Content?.Text);
    }
}

[Intercept(typeof(HiltInterceptor))]
public interface IMarkedChat
{
    string Ask(string prompt);
}

public sealed class MarkedChat : IMarkedChat
{
    public string Ask(string prompt) => "ok";
}

public sealed class AutofacTenantRoutingTests
{
    [Fact]
    public void BeginHiltScope_TwoTenantsAndEscapingName_EachTenantOwnFileNothingOutsideLogFolder()
    {
        using var temp = new TempFolder();
        var logs = temp.File(Path.Combine("a", "b", "logs"));
        var builder = new ContainerBuilder();
        builder.AddHilt(o => o.WriteToJsonl(Path.Combine(logs, "{tenant}", "chat.jsonl")));
        builder.RegisterType<FakeChatService>().As<IChatService>().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor));

        using (var container = builder.Build())
        {
            foreach (var tenant in new[] { "acme", "globex", "../../etc/x" })
            {
                using var scope = container.BeginHiltScope($"conv-{tenant}", tenant: tenant);
                scope.Resolve<IChatService>().Ask($"hello from {tenant}");
            }
        }

        var acme = HiltJsonlReader.ReadFile(Path.Combine(logs, "acme", "chat.jsonl")).Events;
        var globex = HiltJsonlReader.ReadFile(Path.Combine(logs, "globex", "chat.jsonl")).Events;
        Assert.Equal(2, acme.Count);
        Assert.Equal(2, globex.Count);
        Assert.All(acme, e => Assert.Equal("acme", e.GetExtension(HiltExtensionKeys.Tenant)));
        Assert.All(globex, e => Assert.Equal("globex", e.GetExtension(HiltExtensionKeys.Tenant)));

        var files = Directory.GetFiles(temp.Path, "*", SearchOption.AllDirectories);
        Assert.Equal(3, files.Length);
        Assert.All(files, f => Assert.StartsWith(logs + Path.DirectorySeparatorChar, f, StringComparison.Ordinal));
        Assert.False(Directory.Exists(temp.File(Path.Combine("a", "etc"))));
        var escaped = Assert.Single(files, f => !f.Contains("acme", StringComparison.Ordinal) && !f.Contains("globex", StringComparison.Ordinal));
        Assert.All(HiltJsonlReader.ReadFile(escaped).Events, e => Assert.Equal("../../etc/x", e.GetExtension(HiltExtensionKeys.Tenant)));
    }
}
