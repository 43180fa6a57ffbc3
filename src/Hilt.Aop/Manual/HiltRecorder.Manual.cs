namespace Hilt.Aop;

/// <content>Manual events: retrievals, tool calls and results, feedback, guardrail decisions, anything else.</content>
/// <remarks>
/// Each method fills in the event id, the timestamp and the conversation id: the ambient session's conversation key if
/// it has one, else the conversation most recently used by a chat call in the current scope, else an id of the scope's own.
/// It adds the session's <c>tenant</c>, <c>user</c> and <c>session</c>, writes the event (unless logging is off in the
/// session), and returns it, so its <see cref="HiltEvent.EventId"/> can be given as <c>replyTo</c> of a later event.
/// Never throws after argument checks: a failing sink or redactor is reported to <see cref="Diagnostics"/>.
/// </remarks>
public sealed partial class HiltRecorder
{
    /// <summary>Records any event in the current session.</summary>
    /// <param name="action">One of <see cref="HiltActions.All"/>.</param>
    /// <param name="actor">Who authored it.</param>
    /// <param name="content">The content, if any.</param>
    /// <param name="replyTo">The event id this event answers, if any (the <c>reply_to</c> extension).</param>
    /// <param name="extensions">More extension keys, if any; copied.</param>
    /// <param name="metrics">The metrics, if any.</param>
    /// <returns>The event as recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="action"/> or <paramref name="actor"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="action"/> is not an allowed action.</exception>
    public HiltEvent Record(string action, HiltActor actor, HiltContent? content = null, string? replyTo = null, IReadOnlyDictionary<string, object?>? extensions = null, HiltMetrics? metrics = null)
    {
        Throw.IfNotOneOf(action, HiltActions.All);
        Throw.IfNull(actor);
        var context = HiltCallContext.Resolve(this);
        var session = context.Session;
        var now = TimeProvider.GetUtcNow();
        var conversationId = session.ConversationKey is { } key
            ? context.Threads.ForKey(key).Id
            : context.Threads.LastConversationId ?? context.Threads.DefaultConversationId;

        var merged = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (replyTo is not null)
        {
            merged[HiltExtensionKeys.ReplyTo] = replyTo;
        }

        if (extensions is not null)
        {
            foreach (var pair in extensions)
            {
                merged[pair.Key] = FreeForm.SnapshotValue(pair.Value);
            }
        }

        AddIfAbsent(merged, HiltExtensionKeys.Tenant, session.Tenant);
        AddIfAbsent(merged, HiltExtensionKeys.User, session.User);
        AddIfAbsent(merged, HiltExtensionKeys.Session, session.Name);

        var recorded = new HiltEvent(HiltEventIds.NewId(now), now, conversationId, actor, action)
        {
            Content = content,
            Metrics = metrics,
            Extensions = merged.Count == 0 ? null : new FrozenMap(merged),
        };

        if (context.LoggingEnabled && Volatile.Read(ref _disposed) == 0)
        {
            Emit(recorded, session.Sinks);
        }

        return recorded;
    }

    /// <summary>Records a retrieval: the query and the documents found, with their scores.</summary>
    /// <param name="query">The query.</param>
    /// <param name="documents">The documents, best first.</param>
    /// <param name="replyTo">The event id this retrieval serves (usually the prompt's), if any.</param>
    /// <param name="retriever">The retriever's name: the actor id.</param>
    /// <returns>The event as recorded; its <c>score</c> extension is the best document score.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> or <paramref name="documents"/> is <see langword="null"/>.</exception>
    public HiltEvent RecordRetrieval(string query, IEnumerable<HiltDocument> documents, string? replyTo = null, string retriever = "retriever")
    {
        Throw.IfNull(query);
        Throw.IfNull(documents);
        var described = new List<object?>();
        double? best = null;
        foreach (var document in documents)
        {
            var map = new Dictionary<string, object?>(StringComparer.Ordinal);
            AddIfAbsent(map, "id", document.Id);
            AddIfAbsent(map, "text", document.Text);
            if (document.Score is { } score)
            {
                map["score"] = score;
                best = best is null ? score : Math.Max(best.Value, score);
            }

            AddIfAbsent(map, "source", document.Source);
            described.Add(new FrozenMap(map));
        }

        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal) { ["documents_count"] = described.Count };
        if (best is not null)
        {
            extensions[HiltExtensionKeys.Score] = best.Value;
        }

        var content = new HiltContent(query) { Extra = new Dictionary<string, object?> { ["documents"] = new FrozenList([.. described]) } };
        return Record(HiltActions.Retrieval, new HiltActor(HiltActorTypes.Tool, retriever), content, replyTo, extensions);
    }

    /// <summary>Records a tool (function) call the model or the application made.</summary>
    /// <param name="toolName">The tool's name.</param>
    /// <param name="arguments">The arguments, usually JSON.</param>
    /// <param name="callId">The call's id, to match its result.</param>
    /// <param name="replyTo">The event id the call answers (usually a completion), if any.</param>
    /// <param name="caller">Who calls the tool: the actor id (an agent).</param>
    /// <returns>The event as recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="toolName"/> is <see langword="null"/>.</exception>
    public HiltEvent RecordToolCall(string toolName, string? arguments = null, string? callId = null, string? replyTo = null, string caller = "assistant")
    {
        Throw.IfNull(toolName);
        return Record(HiltActions.ToolCall, new HiltActor(HiltActorTypes.Agent, caller), new HiltContent(toolName) { Extra = ToolExtra("arguments", arguments, callId) }, replyTo);
    }

    /// <summary>Records what a tool returned.</summary>
    /// <param name="toolName">The tool's name: the actor id.</param>
    /// <param name="result">The result text.</param>
    /// <param name="callId">The id of the call it answers, if any.</param>
    /// <param name="replyTo">The event id it answers (usually the tool call's), if any.</param>
    /// <returns>The event as recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="toolName"/> is <see langword="null"/>.</exception>
    public HiltEvent RecordToolResult(string toolName, string? result, string? callId = null, string? replyTo = null)
    {
        Throw.IfNull(toolName);
        return Record(HiltActions.ToolResult, new HiltActor(HiltActorTypes.Tool, toolName), new HiltContent(result) { Extra = ToolExtra("call_id", null, callId) }, replyTo);
    }

    /// <summary>Records a person's feedback on a reply.</summary>
    /// <param name="replyTo">The event id of the reply rated (usually a completion).</param>
    /// <param name="rating">The rating, if any (for example 1 to 5, or -1 and 1).</param>
    /// <param name="comment">The comment, if any.</param>
    /// <returns>The event as recorded; the actor is the session's user, else <c>user</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="replyTo"/> is <see langword="null"/>.</exception>
    public HiltEvent RecordFeedback(string replyTo, double? rating = null, string? comment = null)
    {
        Throw.IfNull(replyTo);
        var user = HiltScope.Current?.User ?? Options.DefaultSession?.User ?? "user";
        var extensions = rating is null ? null : new Dictionary<string, object?> { ["rating"] = rating.Value };
        return Record(HiltActions.Feedback, new HiltActor(HiltActorTypes.Human, user), new HiltContent(comment), replyTo, extensions);
    }

    /// <summary>Records a guardrail decision as a <c>system</c> event.</summary>
    /// <param name="guardrail">The guardrail's name: the actor id.</param>
    /// <param name="decision">What it decided: <c>blocked</c>, <c>allowed</c>, <c>redacted</c>, ...</param>
    /// <param name="reason">Why, in a sentence, if any.</param>
    /// <param name="replyTo">The event id it judged, if any.</param>
    /// <returns>The event as recorded.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="guardrail"/> or <paramref name="decision"/> is <see langword="null"/>.</exception>
    public HiltEvent RecordGuardrail(string guardrail, string decision, string? reason = null, string? replyTo = null)
    {
        Throw.IfNull(guardrail);
        Throw.IfNull(decision);
        var extensions = new Dictionary<string, object?> { ["guardrail"] = guardrail, ["decision"] = decision };
        return Record(HiltActions.System, new HiltActor(HiltActorTypes.System, guardrail), new HiltContent(reason ?? decision), replyTo, extensions);
    }

    private static Dictionary<string, object?>? ToolExtra(string key, string? value, string? callId)
    {
        if (value is null && callId is null)
        {
            return null;
        }

        var extra = new Dictionary<string, object?>(StringComparer.Ordinal);
        AddIfAbsent(extra, key, value);
        AddIfAbsent(extra, "call_id", callId);
        return extra;
    }

    private static void AddIfAbsent(Dictionary<string, object?> map, string key, object? value)
    {
        if (value is not null)
        {
            map.TryAdd(key, value);
        }
    }
}
