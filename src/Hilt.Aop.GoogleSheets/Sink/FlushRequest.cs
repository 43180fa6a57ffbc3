namespace Hilt.Aop.GoogleSheets;

/// <summary>A marker queued behind the rows a flush waits for.</summary>
internal sealed class FlushRequest
{
    public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
