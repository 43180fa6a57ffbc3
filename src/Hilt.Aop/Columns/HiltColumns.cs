namespace Hilt.Aop;

/// <summary>The 15 column names of the HILT dashboard and privacy projection, in their default order.</summary>
public static class HiltColumns
{
    /// <summary>UTC time, <c>yyyy-MM-dd HH:mm:ss</c>.</summary>
    public const string Timestamp = "timestamp";

    /// <summary>The conversation id (<c>session_id</c>).</summary>
    public const string ConversationId = "conversation_id";

    /// <summary>The event id.</summary>
    public const string EventId = "event_id";

    /// <summary>The event this one answers.</summary>
    public const string ReplyTo = "reply_to";

    /// <summary>The HTTP-style status code.</summary>
    public const string StatusCode = "status_code";

    /// <summary>A short alias of the conversation id.</summary>
    public const string Session = "session";

    /// <summary><c>actor.type: actor.id</c>.</summary>
    public const string Speaker = "speaker";

    /// <summary>The action.</summary>
    public const string Action = "action";

    /// <summary>The text, white space collapsed, at most 500 characters.</summary>
    public const string Message = "message";

    /// <summary>Input tokens.</summary>
    public const string TokensIn = "tokens_in";

    /// <summary>Output tokens.</summary>
    public const string TokensOut = "tokens_out";

    /// <summary>Cost in US dollars, rounded to 6 decimals.</summary>
    public const string CostUsd = "cost_usd";

    /// <summary>Latency in milliseconds.</summary>
    public const string LatencyMs = "latency_ms";

    /// <summary>The model.</summary>
    public const string Model = "model";

    /// <summary>The relevance score of a retrieval.</summary>
    public const string RelevanceScore = "relevance_score";

    /// <summary>Gets all 15 columns in their default order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Timestamp, ConversationId, EventId, ReplyTo, StatusCode, Session, Speaker, Action, Message,
        TokensIn, TokensOut, CostUsd, LatencyMs, Model, RelevanceScore,
    ];
}
