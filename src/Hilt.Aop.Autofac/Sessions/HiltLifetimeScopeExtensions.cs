using Autofac;

namespace Hilt.Aop.Autofac;

/// <summary>Begins Autofac lifetime scopes that carry a Hilt session.</summary>
public static class HiltLifetimeScopeExtensions
{
    /// <summary>Begins a lifetime scope with its own session.</summary>
    /// <param name="scope">The enclosing lifetime scope.</param>
    /// <param name="session">The session; unset values are inherited from <paramref name="scope"/>.</param>
    /// <returns>The new lifetime scope; disposing it ends the session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> or <paramref name="session"/> is <see langword="null"/>.</exception>
    public static ILifetimeScope BeginHiltScope(this ILifetimeScope scope, HiltSession session)
    {
        Throw.IfNull(scope);
        Throw.IfNull(session);
        return scope.BeginLifetimeScope(b => b.WithHiltSession(session));
    }

    /// <summary>Begins a lifetime scope for one conversation.</summary>
    /// <param name="scope">The enclosing lifetime scope.</param>
    /// <param name="conversationKey">The conversation key.</param>
    /// <param name="tenant">The tenant, or <see langword="null"/> to inherit it.</param>
    /// <param name="user">The user, or <see langword="null"/> to inherit it.</param>
    /// <returns>The new lifetime scope; disposing it ends the session.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scope"/> or <paramref name="conversationKey"/> is <see langword="null"/>.</exception>
    public static ILifetimeScope BeginHiltScope(this ILifetimeScope scope, string conversationKey, string? tenant = null, string? user = null) =>
        BeginHiltScope(scope, new HiltSession { ConversationKey = Throw.IfNull(conversationKey), Tenant = tenant, User = user });
}
