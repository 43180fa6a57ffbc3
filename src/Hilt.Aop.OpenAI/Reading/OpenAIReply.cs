namespace Hilt.Aop.OpenAI;

/// <summary>What a completion event records of a chat completion, read once from the SDK's objects.</summary>
internal sealed class OpenAIReply
{
    /// <summary>Gets the reply text: every choice's text, joined; <see langword="null"/> for a reply without text.</summary>
    public string? Text { get; init; }

    /// <summary>Gets the refusal text, if the model refused.</summary>
    public string? Refusal { get; init; }

    /// <summary>Gets the tool calls, in order.</summary>
    public IReadOnlyList<OpenAIToolCall> ToolCalls { get; init; } = [];

    /// <summary>Gets the finish reason in the service's spelling (<c>stop</c>, <c>length</c>, <c>tool_calls</c>, ...).</summary>
    public string? FinishReason { get; init; }

    /// <summary>Gets the model the service answered with.</summary>
    public string? Model { get; init; }

    /// <summary>Gets the service's id of the completion.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Gets the token counts, when the service reported usage.</summary>
    public HiltTokens? Tokens { get; init; }

    /// <summary>Gets the HTTP status of the response, when the SDK exposes it.</summary>
    public int? StatusCode { get; init; }
}
