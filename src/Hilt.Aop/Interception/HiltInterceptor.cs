using Castle.DynamicProxy;

namespace Hilt.Aop;

/// <summary>A Castle DynamicProxy interceptor that records every chat call made through a proxy as HILT events.</summary>
/// <remarks>
/// <para>
/// A plain <see cref="IInterceptor"/>: it works with <see cref="HiltProxy"/>, with Autofac's <c>InterceptedBy</c>,
/// and with any other container that supports Castle interceptors. It never changes what the caller sees: the same
/// return value, the same exception instance, the same cancellation, streams as lazy as before.
/// </para>
/// <para>
/// Which methods are chat calls is decided once per method by the chat call adapters (see <see cref="IHiltChatCallAdapter"/>);
/// other methods go straight through. A failure inside Hilt is reported to <see cref="HiltRecorder.Diagnostics"/> and the call
/// goes on as if Hilt were absent. Thread-safe.
/// </para>
/// </remarks>
public sealed class HiltInterceptor : IInterceptor
{
    private readonly HiltScopeFrame? _containerFrame;

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

        // The container scope's threading state lives as long as the interceptor, that is, as the scope.
        _containerFrame = scopeSession is null ? null : new HiltScopeFrame(scopeSession, null, HiltScopeKind.Container);
    }

    /// <summary>Gets the recorder that receives the events.</summary>
    public HiltRecorder Recorder { get; }

    /// <summary>Gets the container scope's session, if any.</summary>
    public HiltSession? ScopeSession { get; }

    /// <inheritdoc />
    public void Intercept(IInvocation invocation)
    {
        Throw.IfNull(invocation);
        ChatCallPlan plan;
        try
        {
            plan = Recorder.GetPlan(invocation.Method, invocation.TargetType);
        }
        catch (Exception ex)
        {
            Recorder.Diagnostics.InternalError(nameof(HiltInterceptor), ex);
            invocation.Proceed();
            return;
        }

        if (plan.Binding is null)
        {
            invocation.Proceed();
            return;
        }

        InterceptChatCall(invocation, plan);
    }

    private void InterceptChatCall(IInvocation invocation, ChatCallPlan plan)
    {
        HiltChatCall? call = null;
        IDisposable? scope = null;
        try
        {
            var context = HiltCallContext.Resolve(Recorder, plan.OverridingSession, plan.AttributeSession, _containerFrame);

            // Chat calls made inside this one (an agent calling a model) see the same session.
            if (plan.AttributeSession is not null || plan.OverridingSession is not null || _containerFrame is not null)
            {
                scope = HiltScope.Push(context.Session, HiltScopeKind.Attribute);
            }

            call = HiltChatCall.Start(Recorder, plan.Binding!, invocation.InvocationTarget, invocation.Arguments, context);
        }
        catch (Exception ex)
        {
            Recorder.Diagnostics.InternalError(nameof(HiltInterceptor), ex);
        }

        try
        {
            invocation.Proceed();
        }
        catch (Exception ex)
        {
            call?.Fail(ex);
            throw;
        }
        finally
        {
            scope?.Dispose();
        }

        if (call is null)
        {
            return;
        }

        try
        {
            invocation.ReturnValue = plan.Observe(invocation.ReturnValue, call);
        }
        catch (Exception ex)
        {
            // The return value is untouched unless the assignment itself succeeded.
            Recorder.Diagnostics.InternalError(nameof(HiltInterceptor), ex);
        }
    }
}
