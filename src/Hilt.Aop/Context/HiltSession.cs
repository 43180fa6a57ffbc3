namespace Hilt.Aop;

/// <summary>What a session says about the calls made inside it: conversation, name, tenant, user, sinks.</summary>
/// <remarks>
/// Every property is optional; a session opened inside another inherits what it leaves unset.
/// Instances are immutable and safe to share between threads.
/// </remarks>
public sealed record HiltSession
{
    /// <summary>Gets the conversation key; the conversation id is derived from it (see <see cref="HiltConversationId"/>).</summary>
    public string? ConversationKey { get; init; }

    /// <summary>Gets the session name, written as the <c>session</c> extension.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the tenant, written as the <c>tenant</c> extension and usable for routing.</summary>
    public string? Tenant { get; init; }

    /// <summary>Gets the user id: the prompt's actor id, and the <c>user</c> extension.</summary>
    public string? User { get; init; }

    /// <summary>Gets the sinks to write to instead of the recorder's own, if any.</summary>
    public IReadOnlyList<IHiltSink>? Sinks { get; init; }

    /// <summary>Gets whether logging is on; <see langword="null"/> inherits, <see langword="false"/> turns it off inside the session.</summary>
    public bool? LoggingEnabled { get; init; }

    /// <summary>Returns this session with every unset property taken from <paramref name="outer"/>.</summary>
    /// <param name="outer">The enclosing session, or <see langword="null"/>.</param>
    /// <returns>The merged session.</returns>
    public HiltSession InheritFrom(HiltSession? outer)
    {
        if (outer is null)
        {
            return this;
        }

        return new HiltSession
        {
            ConversationKey = ConversationKey ?? outer.ConversationKey,
            Name = Name ?? outer.Name,
            Tenant = Tenant ?? outer.Tenant,
            User = User ?? outer.User,
            Sinks = Sinks ?? outer.Sinks,
            LoggingEnabled = LoggingEnabled ?? outer.LoggingEnabled,
        };
    }
}
