using System.Reflection;

namespace Hilt.Aop;

/// <summary>What the interceptor decided, once, about one method: whether it is a chat call, and how to observe it.</summary>
internal sealed class ChatCallPlan
{
    private static readonly ChatCallPlan NotAChatCall = new(null);

    private ChatCallPlan(HiltChatCallBinding? binding)
    {
        Binding = binding;
    }

    /// <summary>Gets the binding, or <see langword="null"/> for a method that is not a chat call.</summary>
    public HiltChatCallBinding? Binding { get; }

    public static ChatCallPlan Create(HiltRecorder recorder, MethodInfo method, Type? targetType)
    {
        var binding = recorder.Bind(method, targetType);
        return binding is null ? NotAChatCall : new ChatCallPlan(binding);
    }
}
