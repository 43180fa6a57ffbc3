namespace Hilt.Aop;

/// <content>The latest completion, for events that answer it (feedback, a guardrail on the reply).</content>
public sealed partial class HiltRecorder
{
    /// <summary>Gets the event id of the latest completion in the conversation most recently used in the current scope.</summary>
    /// <value>The id, or <see langword="null"/> when no chat call has completed in this scope yet.</value>
    /// <remarks>
    /// Use it as <c>replyTo</c> of feedback on the reply the user just saw:
    /// <c>recorder.RecordFeedback(recorder.LastCompletionId!, rating: 1)</c>. Scopes keep their own conversations,
    /// so concurrent requests each see their own latest completion.
    /// </remarks>
    public string? LastCompletionId => HiltCallContext.Resolve(this).Threads.LastCompletionId;
}
