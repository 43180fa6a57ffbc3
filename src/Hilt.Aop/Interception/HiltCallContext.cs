namespace Hilt.Aop;

/// <summary>The session a chat call is made in, merged from every source, and where its threading state lives.</summary>
/// <remarks>
/// Sources, strongest first: the call's own conversation key (an argument, a chat option; applied later, by
/// <see cref="HiltChatCall"/>), a <c>[HiltSession(Override = true)]</c> attribute, the caller's ambient scopes, a
/// <c>[HiltSession]</c> attribute (method before type), the container scope's session, <see cref="HiltOptions.DefaultSession"/>.
/// </remarks>
internal sealed class HiltCallContext
{
    private HiltCallContext(HiltSession session, ConversationThreads threads)
    {
        Session = session;
        Threads = threads;
    }

    /// <summary>Gets the merged session.</summary>
    public HiltSession Session { get; }

    /// <summary>Gets the threading state: the nearest ambient scope's (not counting the interceptor's per-call frames), else the container scope's, else the recorder's default.</summary>
    public ConversationThreads Threads { get; }

    /// <summary>Gets a value indicating whether events are written at all.</summary>
    public bool LoggingEnabled => Session.LoggingEnabled != false;

    /// <summary>Resolves the context of a call made now, on this thread.</summary>
    /// <param name="recorder">The recorder.</param>
    /// <param name="overridingAttribute">A <c>[HiltSession(Override = true)]</c> session, if any.</param>
    /// <param name="attribute">A <c>[HiltSession]</c> session that yields to the caller's scopes, if any.</param>
    /// <param name="containerFrame">The container scope's frame, if the interceptor belongs to one.</param>
    /// <returns>The context.</returns>
    public static HiltCallContext Resolve(HiltRecorder recorder, HiltSession? overridingAttribute = null, HiltSession? attribute = null, HiltScopeFrame? containerFrame = null)
    {
        var ambient = HiltScope.Frame;
        var threads = (FindStable(ambient) ?? containerFrame ?? recorder.DefaultFrame).Threads;

        // An ambient container frame (a lifetime scope pushed by a container) ranks as a container session, beneath attributes.
        var ambientIsContainer = ambient is { Kind: HiltScopeKind.Container };

        // Weakest first, each stronger layer inheriting what it leaves unset.
        var session = recorder.DefaultFrame.Session;
        if (containerFrame is not null)
        {
            session = containerFrame.Own.InheritFrom(session);
        }

        if (ambientIsContainer)
        {
            session = ambient!.Session.InheritFrom(session);
        }

        if (attribute is not null)
        {
            session = attribute.InheritFrom(session);
        }

        if (ambient is not null && !ambientIsContainer)
        {
            session = ambient.Session.InheritFrom(session);
        }

        if (overridingAttribute is not null)
        {
            session = overridingAttribute.InheritFrom(session);
        }

        return new HiltCallContext(session, threads);
    }

    private static HiltScopeFrame? FindStable(HiltScopeFrame? frame)
    {
        // Frames the interceptor pushes (kind Attribute) live for one call only; threading state must outlive them.
        while (frame is { Kind: HiltScopeKind.Attribute })
        {
            frame = frame.Parent;
        }

        return frame;
    }
}
