using System.ClientModel;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>
/// Watches one enumeration of a streamed chat completion and reports it once: when it ends, fails, or is
/// abandoned by its consumer (then marked partial).
/// </summary>
internal sealed class OpenAIStreamObservation
{
    private readonly IOpenAICallOutcome _outcome;
    private readonly TimeProvider _timeProvider;
    private readonly OpenAIStreamAccumulator _accumulator = new();
    private long? _firstChunk;
    private int? _statusCode;
    private int _reported;

    public OpenAIStreamObservation(IOpenAICallOutcome outcome, TimeProvider timeProvider)
    {
        _outcome = outcome;
        _timeProvider = timeProvider;
    }

    public void OnPage(ClientResult page)
    {
        try
        {
            _statusCode ??= page.GetRawResponse()?.Status;
        }
        catch (InvalidOperationException)
        {
            // A page without a response (a test double): the status stays unknown.
        }
    }

    public void OnUpdate(StreamingChatCompletionUpdate update)
    {
        _firstChunk ??= _timeProvider.GetTimestamp();
        _accumulator.Add(update);
    }

    /// <summary>Reports the stream's end; <paramref name="ended"/> is false when the consumer stopped early.</summary>
    public void OnEnd(bool ended)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            _outcome.Succeeded(_accumulator.ToReply(_statusCode), _firstChunk, partial: !ended);
        }
    }

    public void OnError(Exception exception)
    {
        if (Interlocked.Exchange(ref _reported, 1) == 0)
        {
            _outcome.Failed(exception);
        }
    }
}
