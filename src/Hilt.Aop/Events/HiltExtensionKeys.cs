namespace Hilt.Aop;

/// <summary>The <c>extensions</c> keys Hilt.Aop sets.</summary>
public static class HiltExtensionKeys
{
    /// <summary>The <c>event_id</c> this event answers.</summary>
    public const string ReplyTo = "reply_to";

    /// <summary>The model the provider answered with, else the requested one.</summary>
    public const string Model = "model";

    /// <summary>The model the caller asked for.</summary>
    public const string RequestModel = "request_model";

    /// <summary>Milliseconds from the call's start to its end.</summary>
    public const string LatencyMs = "latency_ms";

    /// <summary>The HTTP-style status code of the call.</summary>
    public const string StatusCode = "status_code";

    /// <summary>The provider: <c>openai</c>, <c>anthropic</c>, or a service name.</summary>
    public const string Provider = "provider";

    /// <summary>Why the model stopped.</summary>
    public const string FinishReason = "finish_reason";

    /// <summary>The provider's id for the response.</summary>
    public const string ResponseId = "response_id";

    /// <summary>Milliseconds from the call's start to the first streamed chunk.</summary>
    public const string TtftMs = "ttft_ms";

    /// <summary><see langword="true"/> for a streamed call.</summary>
    public const string Stream = "stream";

    /// <summary><see langword="true"/> when a stream ended before the provider finished it.</summary>
    public const string Partial = "partial";

    /// <summary>The error class: <c>rate_limit</c>, <c>timeout</c>, ...</summary>
    public const string ErrorCode = "error_code";

    /// <summary>The full type name of the exception.</summary>
    public const string ErrorType = "error_type";

    /// <summary>The tenant of the session.</summary>
    public const string Tenant = "tenant";

    /// <summary>The user of the session.</summary>
    public const string User = "user";

    /// <summary>The session name.</summary>
    public const string Session = "session";

    /// <summary>The 1-based position of a streamed chunk.</summary>
    public const string StreamIndex = "stream_index";

    /// <summary>A relevance score (retrievals).</summary>
    public const string Score = "score";

    /// <summary>A relevance score (retrievals), read when <see cref="Score"/> is absent.</summary>
    public const string RelevanceScore = "relevance_score";

    /// <summary>How many times the call was retried.</summary>
    public const string Retries = "retries";

    /// <summary>Why there is no cost: <c>unknown_model</c>.</summary>
    public const string CostStatus = "cost_status";
}
