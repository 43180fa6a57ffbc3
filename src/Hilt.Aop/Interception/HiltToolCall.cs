namespace Hilt.Aop;

/// <summary>A tool (function) call the model asked for, or a part of one in a stream.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Arguments">The arguments as the model wrote them (usually JSON), or a fragment of them in a stream.</param>
/// <remarks>Instances are immutable.</remarks>
public sealed record HiltToolCall(string? Name, string? Arguments)
{
    /// <summary>Gets the provider's id of the call, if any.</summary>
    public string? CallId { get; init; }

    /// <summary>Gets the position of the call in the reply; streamed parts with the same index belong to one call.</summary>
    public int? Index { get; init; }
}
