using Microsoft.Extensions.AI;

namespace Hilt.Aop;

/// <summary>A delegating <see cref="IChatClient"/> that records every call it passes on, with the same events as the interceptor.</summary>
/// <remarks>Responses, updates and exceptions reach the caller unchanged; a failure inside Hilt is reported to the diagnostics only.</remarks>
internal sealed class HiltChatClient : DelegatingChatClient
{
    private readonly HiltRecorder _recorder;
    private readonly ChatClientBinding _response = new(streaming: false);
    private readonly ChatClientBinding _streaming = new(streaming: true);

    public HiltChatClient(IChatClient innerClient, HiltRecorder recorder)
        : base(innerClient)
    {
        _recorder = Throw.IfNull(recorder);
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = HiltChatCall.Start(_recorder, _response, InnerClient, [messages, options, cancellationToken]);
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            call?.Fail(ex);
            throw;
        }

        call?.Complete(response);
        return response;
    }

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = HiltChatCall.Start(_recorder, _streaming, InnerClient, [messages, options, cancellationToken]);
        IAsyncEnumerable<ChatResponseUpdate> stream;
        try
        {
            stream = base.GetStreamingResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex)
        {
            call?.Fail(ex);
            throw;
        }

        return call is null ? stream : new ObservedAsyncEnumerable<ChatResponseUpdate>(stream, call);
    }
}
