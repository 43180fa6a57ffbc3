using System.Collections.Concurrent;
using System.Reflection;

namespace Hilt.Aop;

/// <content>What interception keeps per recorder: the chat call plans of every method seen, and the error classifier.</content>
public sealed partial class HiltRecorder
{
    private readonly ConcurrentDictionary<(MethodInfo Method, Type? TargetType), ChatCallPlan> _plans = new();
    private IHiltChatCallAdapter[]? _adapters;
    private HiltErrorClassifier? _errorClassifier;

    /// <summary>Gets the error classifier, with its per-exception-type accessors.</summary>
    internal HiltErrorClassifier ErrorClassifier => LazyInitializer.EnsureInitialized(ref _errorClassifier);

    /// <summary>Gets the plan of a method, built on its first call and cached.</summary>
    /// <param name="method">The method the caller called.</param>
    /// <param name="targetType">The type of the target, if any.</param>
    /// <returns>The plan; <see cref="ChatCallPlan.Binding"/> is <see langword="null"/> for a method that is not a chat call.</returns>
    internal ChatCallPlan GetPlan(MethodInfo method, Type? targetType) =>
        _plans.TryGetValue((method, targetType), out var plan) ? plan : _plans.GetOrAdd((method, targetType), static (key, recorder) => ChatCallPlan.Create(recorder, key.Method, key.TargetType), this);

    /// <summary>Finds the binding of a method: the user's adapters first, then the built-in ones.</summary>
    /// <param name="method">The method.</param>
    /// <param name="targetType">The type of the target, if any.</param>
    /// <returns>The binding, or <see langword="null"/> when no adapter binds the method.</returns>
    internal HiltChatCallBinding? Bind(MethodInfo method, Type? targetType)
    {
        var adapters = LazyInitializer.EnsureInitialized(ref _adapters, () => [.. Options.ChatCallAdapters, ChatClientAdapter.Instance, AttributeChatCallAdapter.Instance]);
        foreach (var adapter in adapters)
        {
            try
            {
                if (adapter.TryBind(method, targetType) is { } binding)
                {
                    return binding;
                }
            }
            catch (Exception ex)
            {
                Diagnostics.InternalError(adapter.GetType().Name, ex);
            }
        }

        return null;
    }
}
