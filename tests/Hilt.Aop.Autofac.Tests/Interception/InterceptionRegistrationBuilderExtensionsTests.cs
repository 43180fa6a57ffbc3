using Autofac;
using Autofac.Core;
using Castle.DynamicProxy;
using Hilt.Aop.Autofac.Interception;

namespace Hilt.Aop.Autofac.Tests.Interception;

public sealed class InterceptionRegistrationBuilderExtensionsTests
{
    [Fact]
    public void EnableInterfaceInterceptors_ExactLine_ProxiesWithScopedHiltInterceptor()
    {
        var builder = new ContainerBuilder();
        builder.AddHilt(_ => { });
        builder.RegisterType<FakeChatService>().As<IChatService>().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor));
        using var container = builder.Build();
        using var scope = container.BeginLifetimeScope();

        var service = scope.Resolve<IChatService>();

        Assert.True(ProxyUtil.IsProxy(service));
        var interceptor = Assert.Single(((IProxyTargetAccessor)service).GetInterceptors());
        Assert.Same(scope.Resolve<HiltInterceptor>(), interceptor);
        Assert.NotSame(container.Resolve<HiltInterceptor>(), interceptor);
    }

    [Fact]
    public async Task InterceptedBy_SyncAsyncAndStreamingMethods_CallsInterceptedAndResultsUnchanged()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.RegisterType<FakeChatService>().As<IChatService>().EnableInterfaceInterceptors().InterceptedBy(typeof(CountingInterceptor));
        using var container = builder.Build();
        var service = container.Resolve<IChatService>();
        var plain = new FakeChatService();

        var sync = service.Ask("hi there");
        var async = await service.AskAsync("hi there");
        var streamed = new List<string>();
        await foreach (var chunk in service.StreamAsync("one two three"))
        {
            streamed.Add(chunk);
        }

        Assert.Equal(plain.Ask("hi there"), sync);
        Assert.Equal(await plain.AskAsync("hi there"), async);
        Assert.Equal(["one", "two", "three"], streamed);
        Assert.Equal(["Ask", "AskAsync", "StreamAsync"], container.Resolve<CountingInterceptor>().Calls);
    }

    [Fact]
    public void EnableInterfaceInterceptors_SecondInterfaceOfSharedInstance_InterceptedToo()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.RegisterType<FakeChatService>().As<IChatService>().As<IModeration>().SingleInstance()
            .EnableInterfaceInterceptors().InterceptedBy(typeof(CountingInterceptor));
        using var container = builder.Build();

        var chat = container.Resolve<IChatService>();
        var moderation = container.Resolve<IModeration>();

        Assert.Same(chat, moderation);
        Assert.False(moderation.IsAllowed("a forbidden word"));
        Assert.Equal(["IsAllowed"], container.Resolve<CountingInterceptor>().Calls);
    }

    [Fact]
    public void EnableInterfaceInterceptors_AsImplementedInterfaces_EveryInterfaceIntercepted()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.RegisterType<FakeChatService>().AsImplementedInterfaces().EnableInterfaceInterceptors().InterceptedBy(typeof(CountingInterceptor));
        using var container = builder.Build();

        container.Resolve<IModeration>().IsAllowed("x");
        container.Resolve<IChatService>().CountWords("a b");

        Assert.Equal(["IsAllowed", "CountWords"], container.Resolve<CountingInterceptor>().Calls);
    }

    [Fact]
    public void InterceptedBy_Name_ResolvesNamedInterceptor()
    {
        var counter = new CountingInterceptor();
        var builder = new ContainerBuilder();
        builder.RegisterInstance(counter).Named<IInterceptor>("counter");
        builder.RegisterType<FakeChatService>().As<IChatService>().EnableInterfaceInterceptors().InterceptedBy("counter");
        using var container = builder.Build();

        var answer = container.Resolve<IChatService>().Ask("hello");

        Assert.Equal("echo: hello", answer);
        Assert.Equal(["Ask"], counter.Calls);
    }

    [Fact]
    public void InterceptedBy_SameInterceptorTwiceAndByAttribute_RunsOnce()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.RegisterType<MarkedService>().As<IMarkedService>().EnableInterfaceInterceptors()
            .InterceptedBy(typeof(CountingInterceptor)).InterceptedBy(typeof(CountingInterceptor));
        using var container = builder.Build();

        container.Resolve<IMarkedService>().Name();

        Assert.Single(container.Resolve<CountingInterceptor>().Calls);
    }

    [Fact]
    public void InterceptAttribute_OnInterface_InterceptsWithoutInterceptedBy()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.RegisterType<MarkedService>().As<IMarkedService>().EnableInterfaceInterceptors();
        using var container = builder.Build();

        var name = container.Resolve<IMarkedService>().Name();

        Assert.Equal("marked", name);
        Assert.Equal(["Name"], container.Resolve<CountingInterceptor>().Calls);
    }

    [Fact]
    public void InterceptAttribute_OnClassByName_InterceptsWithNamedInterceptor()
    {
        var byType = new CountingInterceptor();
        var byName = new CountingInterceptor();
        var builder = new ContainerBuilder();
        builder.RegisterInstance(byType);
        builder.RegisterInstance(byName).Named<IInterceptor>("counter");
        builder.RegisterType<MarkedByNameService>().As<IMarkedService>().EnableInterfaceInterceptors();
        using var container = builder.Build();

        var name = container.Resolve<IMarkedService>().Name();

        Assert.Equal("marked by name", name);
        Assert.Equal(["Name"], byName.Calls);
        Assert.Equal(["Name"], byType.Calls); // the interface's own attribute applies too
    }

    [Fact]
    public void EnableInterfaceInterceptors_NoInterceptors_LeavesInstanceUnproxied()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<FakeChatService>().As<IChatService>().EnableInterfaceInterceptors();
        using var container = builder.Build();

        Assert.IsType<FakeChatService>(container.Resolve<IChatService>());
    }

    [Fact]
    public void EnableInterfaceInterceptors_OpenGeneric_ClosedServicesIntercepted()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.RegisterGeneric(typeof(AiService<>)).As(typeof(IAiService<>)).EnableInterfaceInterceptors().InterceptedBy(typeof(CountingInterceptor));
        using var container = builder.Build();

        var text = container.Resolve<IAiService<string>>().Complete("prompt");
        var number = container.Resolve<IAiService<int>>().Complete(42);

        Assert.Equal("prompt", text);
        Assert.Equal(42, number);
        Assert.Equal(["Complete", "Complete"], container.Resolve<CountingInterceptor>().Calls);
    }

    [Fact]
    public void EnableInterfaceInterceptors_LambdaRegistration_Intercepted()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.Register(_ => new FakeChatService()).As<IChatService>().EnableInterfaceInterceptors().InterceptedBy(typeof(CountingInterceptor));
        using var container = builder.Build();

        var count = container.Resolve<IChatService>().CountWords("a b c");

        Assert.Equal(3, count);
        Assert.Equal(["CountWords"], container.Resolve<CountingInterceptor>().Calls);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EnableInterfaceInterceptors_PropertiesAutowiredAndOnActivating_RunOnTheComponentBeforeProxying(bool propertiesFirst)
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.RegisterType<Clock>();
        GreeterWithProperty? activated = null;
        var registration = builder.RegisterType<GreeterWithProperty>().As<IGreeter>();
        if (propertiesFirst)
        {
            registration.PropertiesAutowired().OnActivating(e => e.Instance.Activated = true).OnActivated(e => activated = e.Instance).EnableInterfaceInterceptors();
        }
        else
        {
            registration.EnableInterfaceInterceptors().PropertiesAutowired().OnActivating(e => e.Instance.Activated = true).OnActivated(e => activated = e.Instance);
        }

        registration.InterceptedBy(typeof(CountingInterceptor));
        using var container = builder.Build();

        var greeter = container.Resolve<IGreeter>();
        var greeting = greeter.Greet("ada");

        Assert.Equal("hello ada at noon", greeting);
        Assert.True(ProxyUtil.IsProxy(greeter));
        var target = (GreeterWithProperty)((IProxyTargetAccessor)greeter).DynProxyGetTarget()!;
        Assert.True(target.Activated);
        Assert.Same(target, activated);
        Assert.Equal(["Greet"], container.Resolve<CountingInterceptor>().Calls);
    }

    [Fact]
    public void EnableInterfaceInterceptors_WithDecorator_DecoratorWrapsTheProxy()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.RegisterType<GreeterWithProperty>().As<IGreeter>().EnableInterfaceInterceptors().InterceptedBy(typeof(CountingInterceptor));
        builder.RegisterDecorator<ShoutingGreeter, IGreeter>();
        using var container = builder.Build();

        var greeter = container.Resolve<IGreeter>();
        var greeting = greeter.Greet("ada");

        var decorator = Assert.IsType<ShoutingGreeter>(greeter);
        Assert.True(ProxyUtil.IsProxy(decorator.Inner));
        Assert.Equal("HELLO ADA AT NO CLOCK", greeting);
        Assert.Equal(["Greet"], container.Resolve<CountingInterceptor>().Calls);
    }

    [Fact]
    public void EnableInterfaceInterceptors_ResolvedAsClass_ThrowsClearError()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<CountingInterceptor>().SingleInstance();
        builder.RegisterType<FakeChatService>().AsSelf().EnableInterfaceInterceptors().InterceptedBy(typeof(CountingInterceptor));
        using var container = builder.Build();

        var error = Assert.Throws<DependencyResolutionException>(() => container.Resolve<FakeChatService>());

        Assert.Contains("must be resolved as an interface", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InterceptedBy_HiltInterceptorWithoutAddHilt_ErrorSaysToAddHilt()
    {
        var builder = new ContainerBuilder();
        builder.RegisterType<FakeChatService>().As<IChatService>().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor));
        using var container = builder.Build();

        var error = Assert.Throws<DependencyResolutionException>(() => container.Resolve<IChatService>());

        Assert.Contains("AddHilt", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void InterceptedBy_NullTypes_Throws()
    {
        var builder = new ContainerBuilder();
        var registration = builder.RegisterType<FakeChatService>().As<IChatService>();

        Assert.Throws<ArgumentNullException>(() => registration.InterceptedBy((Type[])null!));
    }
}
