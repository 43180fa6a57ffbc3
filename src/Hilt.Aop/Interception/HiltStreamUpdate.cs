namespace Hilt.Aop;

/// <summary>What one streamed item adds to a reply, as read by <see cref="HiltChatCallBinding.ReadStreamItem"/>.</summary>
/// <remarks>
/// Every property is optional. Text deltas are joined; tool call parts are merged by <see cref="HiltToolCall.Index"/>
/// (else <see cref="HiltToolCall.CallId"/>), their argument fragments appended; for the other values the last one seen wins.
/// </remarks>
public sealed class HiltStreamUpdate
{
    private readonly IReadOnlyList<HiltToolCall>? _toolCalls;

    /// <summary>Gets the text this item adds.</summary>
    public string? TextDelta { get; init; }

    /// <summary>Gets parts of tool calls this item carries.</summary>
    public IReadOnlyList<HiltToolCall>? ToolCalls { get => _toolCalls; init => _toolCalls = value is null ? null : [.. value]; }

    /// <summary>Gets the usage, usually on the last item.</summary>
    public HiltTokens? Tokens { get; init; }

    /// <summary>Gets the model the provider answered with.</summary>
    public string? Model { get; init; }

    /// <summary>Gets why the model stopped.</summary>
    public string? FinishReason { get; init; }

    /// <summary>Gets the provider's id of the response.</summary>
    public string? ResponseId { get; init; }

    /// <summary>Gets the HTTP status of the response, where the stream exposes it.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Gets the provider, when the item tells.</summary>
    public string? Provider { get; init; }
}
