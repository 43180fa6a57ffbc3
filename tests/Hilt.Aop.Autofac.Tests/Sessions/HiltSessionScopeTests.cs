using System.Collections.Concurrent;
using Autofac;
using Autofac.Extensions.DependencyInjection;
using Castle.DynamicProxy;
using Hilt.Aop.Autofac.Interception;
using Hilt.Aop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hilt.Aop.Autofac.Tests.Sessions;

public sealed class HiltSessionScopeTests
{
    private static IContainer BuildContainer(Action<ContainerBuilder>? configure = null)
    {
        var builder = new ContainerBuilder();
        builder.AddHilt(o => o.WriteTo(new CollectingSink()));
        builder.RegisterType<FakeChatService>().As<IChatService>().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor));
        configure?.Invoke(builder);
        return builder.Build();
    }

    private static HiltSession? SessionOf(object proxy) =>
        ((IProxyTargetAccessor)proxy).GetInterceptors().OfType<HiltInterceptor>().Single().ScopeSession;

    [Fact]
    public void BeginHiltScope_Session_InterceptorCarriesIt()
    {
        using var container = BuildContainer();
        using var scope = container.BeginHiltScope("ticket-1", tenant: "acme", user: "u1");

        var session = SessionOf(scope.Resolve<IChatService>());

        Assert.Equal("ticket-1", session?.ConversationKey);
        Assert.Equal("acme", session?.Tenant);
        Assert.Equal("u1", session?.User);
        Assert.Null(SessionOf(container.Resolve<IChatService>()));
    }

    [Fact]
    public void WithHiltSession_NestedScope_OverridesAndInheritsUnsetValues()
    {
        using var container = BuildContainer();
        using var outer = container.BeginLifetimeScope(b => b.WithHiltSession(new HiltSession { ConversationKey = "outer", Tenant = "acme", User = "u1" }));
        var outerService = outer.Resolve<IChatService>();

        HiltSession? inner;
        using (var innerScope = outer.BeginLifetimeScope(b => b.WithHiltSession(new HiltSession { ConversationKey = "inner" })))
        {
            inner = SessionOf(innerScope.Resolve<IChatService>());
        }

        Assert.Equal("inner", inner?.ConversationKey);
        Assert.Equal("acme", inner?.Tenant);
        Assert.Equal("u1", inner?.User);
        Assert.Equal("outer", SessionOf(outerService)?.ConversationKey);
        Assert.Equal("outer", SessionOf(outer.Resolve<IChatService>())?.ConversationKey);
    }

    [Fact]
    public void BeginLifetimeScope_WithoutOwnSession_InheritsParentSession()
    {
        using var container = BuildContainer();
        using var outer = container.BeginHiltScope("job-7", tenant: "globex");
        using var inner = outer.BeginLifetimeScope();

        var session = SessionOf(inner.Resolve<IChatService>());

        Assert.Equal("job-7", session?.ConversationKey);
        Assert.Equal("globex", session?.Tenant);
    }

    [Fact]
    public void WithHiltSession_GrandchildOfSessionScope_KeepsSessionAndCanOverride()
    {
        using var container = BuildContainer();
        using var child = container.BeginHiltScope("c", tenant: "t");
        using var grandchild = child.BeginLifetimeScope();
        using var overriding = grandchild.BeginHiltScope(new HiltSession { User = "u9" });

        Assert.Equal("c", SessionOf(grandchild.Resolve<IChatService>())?.ConversationKey);
        var overridden = SessionOf(overriding.Resolve<IChatService>());
        Assert.Equal(("c", "t", "u9"), (overridden?.ConversationKey, overridden?.Tenant, overridden?.User));
    }

    [Fact]
    public void BeginHiltScope_SingleInstanceComponent_KeepsTheRootSession()
    {
        var builder = new ContainerBuilder();
        builder.AddHilt(o => o.DefaultSession = new HiltSession { ConversationKey = "default" });
        builder.RegisterType<FakeChatService>().As<IChatService>().SingleInstance().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor));
        using var container = builder.Build();
        using var scope = container.BeginHiltScope("request");

        var service = scope.Resolve<IChatService>();

        Assert.Same(container.Resolve<HiltInterceptor>(), ((IProxyTargetAccessor)service).GetInterceptors().Single());
        Assert.Null(SessionOf(service));
    }

    [Fact]
    public void Set_BeforeFirstUse_AppliesToTheScope()
    {
        using var container = BuildContainer();
        using var scope = container.BeginLifetimeScope();

        scope.Resolve<IHiltSessionAccessor>().Set(new HiltSession { ConversationKey = "req-1", Tenant = "acme" });
        var session = SessionOf(scope.Resolve<IChatService>());

        Assert.Equal("req-1", session?.ConversationKey);
        Assert.Equal("acme", scope.Resolve<IHiltSessionAccessor>().Session?.Tenant);
    }

    [Fact]
    public void Set_InScopeBegunWithSession_ChildScopesInheritTheSetSession()
    {
        using var container = BuildContainer();
        using var scope = container.BeginHiltScope("declared", tenant: "acme");
        scope.Resolve<IHiltSessionAccessor>().Set(new HiltSession { ConversationKey = "replaced" });
        using var child = scope.BeginLifetimeScope();

        var session = SessionOf(child.Resolve<IChatService>());

        Assert.Equal("replaced", session?.ConversationKey);
        Assert.Null(session?.Tenant);
    }

    [Fact]
    public void Set_AfterInterceptorCreated_ThrowsInvalidOperation()
    {
        using var container = BuildContainer();
        using var scope = container.BeginLifetimeScope();
        scope.Resolve<IChatService>();

        var accessor = scope.Resolve<IHiltSessionAccessor>();

        Assert.Throws<InvalidOperationException>(() => accessor.Set(new HiltSession { ConversationKey = "late" }));
    }

    [Fact]
    public void AddHilt_CalledTwice_ThrowsInvalidOperation()
    {
        var builder = new ContainerBuilder();
        builder.AddHilt(_ => { });

        Assert.Throws<InvalidOperationException>(() => builder.AddHilt(_ => { }));
    }

    [Fact]
    public void AddHilt_ContainerDisposed_RecorderDisposesItsSinks()
    {
        var sink = new DisposalTrackingSink();
        var builder = new ContainerBuilder();
        builder.AddHilt(o => o.WriteTo(sink));
        var container = builder.Build();
        var recorder = container.Resolve<HiltRecorder>();

        container.Dispose();

        Assert.Same(sink, Assert.Single(recorder.Options.Sinks));
        Assert.True(sink.Disposed);
    }

    [Fact]
    public void AddHilt_ExistingRecorder_NotDisposedWithContainer()
    {
        var sink = new DisposalTrackingSink();
        using var recorder = new HiltRecorder(new HiltOptions().WriteTo(sink));
        var builder = new ContainerBuilder();
        builder.AddHilt(recorder);
        var container = builder.Build();

        var resolved = container.Resolve<HiltInterceptor>().Recorder;
        container.Dispose();

        Assert.Same(recorder, resolved);
        Assert.False(sink.Disposed);
    }

    [Fact]
    public async Task BeginHiltScope_FiftyConcurrentRequests_EachCallSeesItsOwnScopeSession()
    {
        var seen = new ConcurrentQueue<(HiltSession? Session, object? Argument)>();
        var builder = new ContainerBuilder();
        builder.AddHilt(_ => { });
        builder.Register(ctx => new SessionProbe(ctx.Resolve<IHiltSessionAccessor>().Session, seen)).InstancePerLifetimeScope();
        builder.RegisterType<FakeChatService>().As<IChatService>().EnableInterfaceInterceptors().InterceptedBy(typeof(SessionProbe));
        using var container = builder.Build();

        var requests = Enumerable.Range(0, 50).Select(async i =>
        {
            await Task.Yield();
            using var scope = container.BeginHiltScope($"conv-{i}", tenant: $"tenant-{i % 7}");
            var service = scope.Resolve<IChatService>();
            for (var call = 0; call < 3; call++)
            {
                await Task.Yield();
                await service.AskAsync($"conv-{i}");
            }
        });
        await Task.WhenAll(requests).WaitAsync(TimeSpan.FromSeconds(15));

        var all = seen.ToArray();
        Assert.Equal(150, all.Length);
        Assert.All(all, s =>
        {
            Assert.Equal(s.Argument, s.Session?.ConversationKey);
            Assert.Equal($"tenant-{int.Parse(((string)s.Argument!)["conv-".Length..]) % 7}", s.Session?.Tenant);
        });
        Assert.Equal(50, all.Select(s => s.Session?.ConversationKey).Distinct().Count());
    }

    [Fact]
    public void ServiceScopeFactory_PerRequestScope_SessionSetFirstApplies()
    {
        var services = new ServiceCollection();
        var factory = new AutofacServiceProviderFactory(b =>
        {
            b.AddHilt(o => o.WriteTo(new CollectingSink()));
            b.RegisterType<FakeChatService>().As<IChatService>().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor));
        });
        using var provider = (IDisposable)factory.CreateServiceProvider(factory.CreateBuilder(services));
        var scopes = ((IServiceProvider)provider).GetRequiredService<IServiceScopeFactory>();

        HiltSession? first;
        HiltSession? second;
        using (var request = scopes.CreateScope())
        {
            request.ServiceProvider.GetRequiredService<IHiltSessionAccessor>().Set(new HiltSession { ConversationKey = "req-1", User = "alice" });
            first = SessionOf(request.ServiceProvider.GetRequiredService<IChatService>());
        }

        using (var request = scopes.CreateScope())
        {
            request.ServiceProvider.GetRequiredService<IHiltSessionAccessor>().Set(new HiltSession { ConversationKey = "req-2", User = "bob" });
            second = SessionOf(request.ServiceProvider.GetRequiredService<IChatService>());
        }

        Assert.Equal(("req-1", "alice"), (first?.ConversationKey, first?.User));
        Assert.Equal(("req-2", "bob"), (second?.ConversationKey, second?.User));
    }
}
