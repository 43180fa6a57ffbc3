namespace Hilt.Aop.OpenAI;

/// <summary>Where the end of one observed call is reported: the completion or the failure.</summary>
internal interface IOpenAICallOutcome
{
    /// <summary>Reports a reply.</summary>
    /// <param name="reply">What was read from the SDK.</param>
    /// <param name="firstChunkTimestamp">For streams: the <see cref="TimeProvider.GetTimestamp"/> of the first update.</param>
    /// <param name="partial">For streams: whether the consumer stopped before the service finished.</param>
    void Succeeded(OpenAIReply reply, long? firstChunkTimestamp, bool partial);

    /// <summary>Reports a failure.</summary>
    /// <param name="exception">What the SDK threw; the caller gets the same instance.</param>
    void Failed(Exception exception);
}
