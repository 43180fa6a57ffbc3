namespace Hilt.Aop;

/// <summary>What Hilt logs about the reply of one chat call, as read by a <see cref="HiltChatCallBinding"/>.</summary>
/// <remarks>Every property is optional. Instances are immutable snapshots.</remarks>
public sealed class HiltChatResponse
{
    private readonly IReadOnlyList<HiltToolCall>? _toolCalls;

    /// <summary>Gets the reply text (all choices' text when several were asked for).</summary>
    public string? Text { get; init; }

    /// <summary>Gets the tool calls the model asked for, each logged as a <c>tool_call</c> event.</summary>
    public IReadOnlyList<HiltToolCall>? ToolCalls { get => _toolCalls; init => _toolCalls = value is null ? null : [.. value]; }

    /// <summary>Gets the token usage.</summary>
    public HiltTokens? Tokens { get; init; }

    /// <summary>Gets the model the provider answered with.</summary>
    public string? Model { get; init; }

    /// <summary>Gets why the model stopped.</summary>
    public string? FinishReason { get; init; }

    /// <summary>Gets the provider's id of the response.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Gets the HTTP status of the response where the client exposes it; 200 is logged when <see langword="null"/>.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets the provider, when the response tells better than the request.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets how many times the client retried the request before this reply, where its pipeline tells.</summary>
    public int? Retries { get; init; }
}
