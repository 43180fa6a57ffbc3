using Autofac;

namespace Hilt.Aop.Autofac;

/// <summary>Registers Hilt.Aop in an Autofac <see cref="ContainerBuilder"/>.</summary>
public static class HiltContainerBuilderExtensions
{
    private const string AddedKey = "Hilt.Aop.Autofac.Added";

    /// <summary>
    /// Registers a <see cref="HiltRecorder"/> built from the configured options, <see cref="HiltInterceptor"/> and
    /// <see cref="IHiltSessionAccessor"/>.
    /// </summary>
    /// <param name="builder">The container builder.</param>
    /// <param name="configure">Configures the options: sinks, clock, redaction, default session.</param>
    /// <returns>The container builder, for chaining.</returns>
    /// <remarks>
    /// The recorder is a single instance, created when the container is built and disposed (drained) with it.
    /// The interceptor is one instance per lifetime scope, carrying that scope's session (see
    /// <see cref="WithHiltSession"/>). Intercept components with <c>EnableInterfaceInterceptors()</c> and
    /// <c>InterceptedBy(typeof(HiltInterceptor))</c> from <c>Hilt.Aop.Autofac.Interception</c>.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Hilt was already added to <paramref name="builder"/>.</exception>
    public static ContainerBuilder AddHilt(this ContainerBuilder builder, Action<HiltOptions> configure)
    {
        Throw.IfNull(builder);
        Throw.IfNull(configure);

        var options = new HiltOptions();
        configure(options);
        MarkAdded(builder);
        builder.Register(_ => new HiltRecorder(options)).AsSelf().SingleInstance().AutoActivate();
        RegisterScoped(builder);
        return builder;
    }

    /// <summary>Registers an existing <see cref="HiltRecorder"/>, <see cref="HiltInterceptor"/> and <see cref="IHiltSessionAccessor"/>.</summary>
    /// <param name="builder">The container builder.</param>
    /// <param name="recorder">The recorder; the caller keeps ownership and disposes it.</param>
    /// <returns>The container builder, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="recorder"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">Hilt was already added to <paramref name="builder"/>.</exception>
    public static ContainerBuilder AddHilt(this ContainerBuilder builder, HiltRecorder recorder)
    {
        Throw.IfNull(builder);
        Throw.IfNull(recorder);

        MarkAdded(builder);
        builder.RegisterInstance(recorder).AsSelf().ExternallyOwned();
        RegisterScoped(builder);
        return builder;
    }

    /// <summary>Gives the lifetime scope being built its own session.</summary>
    /// <param name="builder">The builder passed to <c>BeginLifetimeScope(b => ...)</c>.</param>
    /// <param name="session">The session; unset values are inherited from the enclosing scope.</param>
    /// <returns>The container builder, for chaining.</returns>
    /// <remarks>
    /// Every intercepted call made through a component resolved from the scope (or from its child scopes that do
    /// not set their own) logs under this session, and so does everything awaited inside the call. A scope the
    /// caller opens with <see cref="HiltScope.Begin(HiltSession)"/> inside the call still takes precedence.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="builder"/> or <paramref name="session"/> is <see langword="null"/>.</exception>
    public static ContainerBuilder WithHiltSession(this ContainerBuilder builder, HiltSession session)
    {
        Throw.IfNull(builder);
        Throw.IfNull(session);

        builder.RegisterInstance(new DeclaredHiltSession(session));
        return builder;
    }

    private static void MarkAdded(ContainerBuilder builder)
    {
        if (builder.Properties.ContainsKey(AddedKey))
        {
            throw new InvalidOperationException("Hilt has already been added to this container builder; call AddHilt once.");
        }

        builder.Properties[AddedKey] = true;
    }

    private static void RegisterScoped(ContainerBuilder builder)
    {
        builder.Register(ctx => HiltSessionAccessor.Create(ctx))
            .As<IHiltSessionAccessor>()
            .AsSelf()
            .InstancePerLifetimeScope();

        // One interceptor per scope: it carries the scope's session into every call it intercepts.
        builder.Register(ctx => new HiltInterceptor(ctx.Resolve<HiltRecorder>(), ctx.Resolve<HiltSessionAccessor>().Session))
            .AsSelf()
            .InstancePerLifetimeScope();
    }
}
