namespace Hilt.Aop.Autofac;

/// <summary>The session of one Autofac lifetime scope: what every intercepted call made through components resolved from it logs under.</summary>
/// <remarks>
/// Resolve it from a lifetime scope to read or set that scope's session. A scope inherits every value its
/// own session leaves unset from the enclosing scope. The session is fixed the first time it is used (when
/// the scope's <see cref="HiltInterceptor"/> is created, or a child scope reads it); set it before resolving
/// intercepted components, for example first thing in a per-request middleware. Thread-safe.
/// </remarks>
public interface IHiltSessionAccessor
{
    /// <summary>Gets the session of this lifetime scope merged with its enclosing scopes, or <see langword="null"/> if no scope sets one.</summary>
    /// <remarks>Reading the session fixes it: <see cref="Set"/> throws afterwards.</remarks>
    HiltSession? Session { get; }

    /// <summary>Sets this lifetime scope's own session; unset values are inherited from the enclosing scope.</summary>
    /// <param name="session">The session.</param>
    /// <exception cref="ArgumentNullException"><paramref name="session"/> is <see langword="null"/>.</exception>
    /// <exception cref="InvalidOperationException">The session of this scope has already been used.</exception>
    void Set(HiltSession session);
}
