namespace Hilt.Aop;

/// <summary>The ambient session: set with a <see langword="using"/> block, read by every intercepted call inside it.</summary>
/// <remarks>
/// Scopes live in an <see cref="AsyncLocal{T}"/>: they flow into awaited calls and into tasks started inside
/// them, never out to the caller; nested scopes inherit unset values and restore the outer scope on dispose.
/// </remarks>
public static class HiltScope
{
    private static readonly AsyncLocal<HiltScopeFrame?> CurrentFrame = new();

    /// <summary>Gets the ambient session merged with its enclosing sessions, or <see langword="null"/> outside any scope.</summary>
    public static HiltSession? Current => CurrentFrame.Value?.Session;

    internal static HiltScopeFrame? Frame => CurrentFrame.Value;

    /// <summary>Opens a session scope.</summary>
    /// <param name="session">The session; unset values are inherited from the enclosing scope.</param>
    /// <returns>A handle that restores the enclosing scope when disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is <see langword="null"/>.</exception>
    public static IDisposable Begin(HiltSession session) => Push(Throw.IfNull(session), HiltScopeKind.Explicit);

    /// <summary>Opens a session scope for one conversation.</summary>
    /// <param name="conversationKey">The conversation key.</param>
    /// <param name="tenant">The tenant, if any.</param>
    /// <param name="user">The user, if any.</param>
    /// <returns>A handle that restores the enclosing scope when disposed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="conversationKey"/> is <see langword="null"/>.</exception>
    public static IDisposable Begin(string conversationKey, string? tenant = null, string? user = null) =>
        Begin(new HiltSession { ConversationKey = Throw.IfNull(conversationKey), Tenant = tenant, User = user });

    /// <summary>Turns logging off for every call inside the returned scope.</summary>
    /// <returns>A handle that restores the enclosing scope when disposed.</returns>
    public static IDisposable Suppress() => Begin(new HiltSession { LoggingEnabled = false });

    internal static IDisposable Push(HiltSession session, HiltScopeKind kind)
    {
        var parent = CurrentFrame.Value;
        var frame = new HiltScopeFrame(session, parent, kind);
        CurrentFrame.Value = frame;
        return new Restore(frame);
    }

    private sealed class Restore(HiltScopeFrame frame) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0 && CurrentFrame.Value == frame)
            {
                CurrentFrame.Value = frame.Parent;
            }
        }
    }
}
