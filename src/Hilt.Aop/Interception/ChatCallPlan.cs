using System.Reflection;

namespace Hilt.Aop;

/// <summary>What the interceptor decided, once, about one method: whether it is a chat call, and how to observe it.</summary>
/// <remarks>Built on a method's first call and cached by the recorder; everything reflective happens here, not per call.</remarks>
internal sealed class ChatCallPlan
{
    private static readonly ChatCallPlan NotAChatCall = new(null, ChatCallShape.Sync, null, null, null, null);

    private readonly Func<object, HiltChatCall, object>? _observeTask;
    private readonly Func<object, HiltChatCall, object>? _wrapStream;

    private ChatCallPlan(HiltChatCallBinding? binding, ChatCallShape shape, Func<object, HiltChatCall, object>? observeTask, Func<object, HiltChatCall, object>? wrapStream, HiltSession? attributeSession, HiltSession? overridingSession)
    {
        Binding = binding;
        Shape = shape;
        _observeTask = observeTask;
        _wrapStream = wrapStream;
        AttributeSession = attributeSession;
        OverridingSession = overridingSession;
    }

    /// <summary>Gets the binding, or <see langword="null"/> for a method that is not a chat call.</summary>
    public HiltChatCallBinding? Binding { get; }

    /// <summary>Gets how the method returns its result.</summary>
    public ChatCallShape Shape { get; }

    /// <summary>Gets the <c>[HiltSession]</c> session that yields to the caller's scopes, if any.</summary>
    public HiltSession? AttributeSession { get; }

    /// <summary>Gets the <c>[HiltSession(Override = true)]</c> session that wins over the caller's scopes, if any.</summary>
    public HiltSession? OverridingSession { get; }

    public static ChatCallPlan Create(HiltRecorder recorder, MethodInfo method, Type? targetType)
    {
        var binding = recorder.Bind(method, targetType);
        if (binding is null)
        {
            return NotAChatCall;
        }

        var returnType = method.ReturnType;
        var (shape, observeTask) = ShapeOf(returnType);
        var wrapStream = binding.IsStreaming ? StreamWrapperOf(returnType) : null;
        var (attributeSession, overridingSession) = HiltSessionAttribute.Resolve(method, targetType);
        return new ChatCallPlan(binding, shape, observeTask, wrapStream, attributeSession, overridingSession);
    }

    /// <summary>Observes a call's returned value and returns what the caller should get (the same value, or a pass-through replacement).</summary>
    /// <param name="returned">What the target returned.</param>
    /// <param name="call">The observed call.</param>
    /// <returns>The value to hand to the caller.</returns>
    public object? Observe(object? returned, HiltChatCall call)
    {
        if (Binding!.IsStreaming && Shape == ChatCallShape.Sync)
        {
            if (returned is null)
            {
                call.OnCompleted();
                return null;
            }

            var wrapped = Binding.WrapStream(returned, call) ?? _wrapStream?.Invoke(returned, call);
            if (wrapped is null)
            {
                // A stream type nobody can wrap: log what is known now rather than nothing.
                call.OnCompleted();
                return returned;
            }

            return wrapped;
        }

        if (Shape == ChatCallShape.Sync || returned is null)
        {
            call.Complete(returned);
            return returned;
        }

        return _observeTask!(returned, call);
    }

    private static (ChatCallShape Shape, Func<object, HiltChatCall, object>? Observe) ShapeOf(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return (ChatCallShape.Task, ChatCallObservers.Task);
        }

        if (returnType == typeof(ValueTask))
        {
            return (ChatCallShape.ValueTask, ChatCallObservers.ValueTask);
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            if (definition == typeof(Task<>))
            {
                return (ChatCallShape.TaskOfT, Generic(nameof(ChatCallObservers.TaskOf), returnType.GetGenericArguments()[0]));
            }

            if (definition == typeof(ValueTask<>))
            {
                return (ChatCallShape.ValueTaskOfT, Generic(nameof(ChatCallObservers.ValueTaskOf), returnType.GetGenericArguments()[0]));
            }
        }

        return (ChatCallShape.Sync, null);
    }

    private static Func<object, HiltChatCall, object>? StreamWrapperOf(Type returnType)
    {
        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            if (definition == typeof(IAsyncEnumerable<>))
            {
                return Generic(nameof(ChatCallObservers.AsyncEnumerable), returnType.GetGenericArguments()[0]);
            }

            if (definition == typeof(IEnumerable<>))
            {
                return Generic(nameof(ChatCallObservers.Enumerable), returnType.GetGenericArguments()[0]);
            }
        }

        return null;
    }

    private static Func<object, HiltChatCall, object> Generic(string name, Type argument) =>
        typeof(ChatCallObservers).GetMethod(name, BindingFlags.Public | BindingFlags.Static)!
            .MakeGenericMethod(argument)
            .CreateDelegate<Func<object, HiltChatCall, object>>();
}
