namespace Hilt.Aop;

/// <summary>The actions a HILT event can record.</summary>
public static class HiltActions
{
    /// <summary>A message sent to the model, usually by a human.</summary>
    public const string Prompt = "prompt";

    /// <summary>The model's whole reply to a prompt.</summary>
    public const string Completion = "completion";

    /// <summary>One piece of a streamed reply.</summary>
    public const string CompletionChunk = "completion_chunk";

    /// <summary>Documents fetched to ground a reply.</summary>
    public const string Retrieval = "retrieval";

    /// <summary>A tool (function) the model asked to call.</summary>
    public const string ToolCall = "tool_call";

    /// <summary>What a tool returned.</summary>
    public const string ToolResult = "tool_result";

    /// <summary>A system event: an error, a guardrail decision, a notice.</summary>
    public const string System = "system";

    /// <summary>A rating or comment on a reply.</summary>
    public const string Feedback = "feedback";

    /// <summary>Gets every allowed action, in the order the format lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Prompt, Completion, CompletionChunk, Retrieval, ToolCall, ToolResult, System, Feedback];
}
