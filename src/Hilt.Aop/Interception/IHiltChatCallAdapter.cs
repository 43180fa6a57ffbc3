using System.Reflection;

namespace Hilt.Aop;

/// <summary>
/// Recognises one family of chat calls (the <c>IChatClient</c> abstraction, an SDK's client, hand-written
/// interfaces) and tells Hilt how to read their requests, results and streams.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="TryBind"/> is called once per intercepted method and its answer is cached, so it may use
/// reflection freely; the returned <see cref="HiltChatCallBinding"/> is used on every call and should read
/// what it needs without reflection. Returning <see langword="null"/> means "not a chat call of this family":
/// the next adapter is asked, and a method no adapter binds passes straight through, unlogged.
/// </para>
/// <para>Adapters are asked in the order of <see cref="HiltOptions.ChatCallAdapters"/>, then the built-in ones
/// (<c>IChatClient</c>, then attributes and conventions). Implementations must be thread-safe.</para>
/// </remarks>
public interface IHiltChatCallAdapter
{
    /// <summary>Decides whether a method is a chat call and, if it is, returns how to read it.</summary>
    /// <param name="method">The method as the caller sees it (for an interface proxy, the interface method).</param>
    /// <param name="targetType">The type of the object the call goes to, if known.</param>
    /// <returns>The binding to use for every call of <paramref name="method"/>, or <see langword="null"/> when this adapter does not handle it.</returns>
    HiltChatCallBinding? TryBind(MethodInfo method, Type? targetType);
}
