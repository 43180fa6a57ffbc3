using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

// Every virtual member is forwarded, the SDK's evaluation-only ones (stored completions, Model, Endpoint) too.
#pragma warning disable OPENAI001

namespace Hilt.Aop.OpenAI;

/// <summary>
/// A <see cref="ChatClient"/> that logs its chat calls and forwards every call to another <see cref="ChatClient"/>.
/// </summary>
/// <remarks>
/// <para>
/// A subclass rather than a Castle class proxy: <see cref="ChatClient.Model"/>, <see cref="ChatClient.Endpoint"/> and
/// <see cref="ChatClient.Pipeline"/> are not virtual, so the base is built through the SDK's public constructor with
/// the target's own pipeline, model and endpoint, and they read exactly as on the target.
/// </para>
/// <para>
/// Every virtual method forwards to the target, so the target's convenience overloads call each other inside the
/// target, unobserved: one call of the user is one prompt and one completion. The protocol methods
/// (<see cref="BinaryContent"/> in, <see cref="ClientResult"/> out) and the stored-completion methods are forwarded
/// without logging.
/// </para>
/// </remarks>
internal sealed class HiltOpenAIChatClient : ChatClient
{
    private readonly ChatClient _target;
    private readonly HiltRecorder _recorder;
    private readonly RetryCountingPolicy? _retries;

    public HiltOpenAIChatClient(ChatClient target, HiltRecorder recorder, RetryCountingPolicy? retries)
        : base(target.Pipeline, target.Model, new OpenAIClientOptions { Endpoint = target.Endpoint })
    {
        _target = target;
        _recorder = recorder;
        _retries = retries;
    }

    /// <summary>Gets the client calls are forwarded to.</summary>
    public ChatClient Target => _target;

    /// <summary>Gets the recorder that receives the events.</summary>
    public HiltRecorder Recorder => _recorder;

    public override ClientResult<ChatCompletion> CompleteChat(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        Observe([messages, options, cancellationToken], () => _target.CompleteChat(messages, options, cancellationToken));

    public override ClientResult<ChatCompletion> CompleteChat(params ChatMessage[] messages) =>
        Observe([messages], () => _target.CompleteChat(messages));

    public override Task<ClientResult<ChatCompletion>> CompleteChatAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        ObserveAsync([messages, options, cancellationToken], () => _target.CompleteChatAsync(messages, options, cancellationToken));

    public override Task<ClientResult<ChatCompletion>> CompleteChatAsync(params ChatMessage[] messages) =>
        ObserveAsync([messages], () => _target.CompleteChatAsync(messages));

    public override CollectionResult<StreamingChatCompletionUpdate> CompleteChatStreaming(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        ObserveStream([messages, options, cancellationToken], () => _target.CompleteChatStreaming(messages, options, cancellationToken));

    public override CollectionResult<StreamingChatCompletionUpdate> CompleteChatStreaming(params ChatMessage[] messages) =>
        ObserveStream([messages], () => _target.CompleteChatStreaming(messages));

    public override AsyncCollectionResult<StreamingChatCompletionUpdate> CompleteChatStreamingAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        ObserveStream([messages, options, cancellationToken], () => _target.CompleteChatStreamingAsync(messages, options, cancellationToken));

    public override AsyncCollectionResult<StreamingChatCompletionUpdate> CompleteChatStreamingAsync(params ChatMessage[] messages) =>
        ObserveStream([messages], () => _target.CompleteChatStreamingAsync(messages));

    public override ClientResult CompleteChat(BinaryContent content, RequestOptions? options = null) => _target.CompleteChat(content, options);

    public override Task<ClientResult> CompleteChatAsync(BinaryContent content, RequestOptions? options = null) => _target.CompleteChatAsync(content, options);

    public override ClientResult<ChatCompletion> GetChatCompletion(string completionId, CancellationToken cancellationToken = default) => _target.GetChatCompletion(completionId, cancellationToken);

    public override Task<ClientResult<ChatCompletion>> GetChatCompletionAsync(string completionId, CancellationToken cancellationToken = default) => _target.GetChatCompletionAsync(completionId, cancellationToken);

    public override ClientResult GetChatCompletion(string completionId, RequestOptions options) => _target.GetChatCompletion(completionId, options);

    public override Task<ClientResult> GetChatCompletionAsync(string completionId, RequestOptions options) => _target.GetChatCompletionAsync(completionId, options);

    public override ClientResult<ChatCompletion> UpdateChatCompletion(string completionId, IDictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
        _target.UpdateChatCompletion(completionId, metadata, cancellationToken);

    public override Task<ClientResult<ChatCompletion>> UpdateChatCompletionAsync(string completionId, IDictionary<string, string> metadata, CancellationToken cancellationToken = default) =>
        _target.UpdateChatCompletionAsync(completionId, metadata, cancellationToken);

    public override ClientResult UpdateChatCompletion(string completionId, BinaryContent content, RequestOptions? options = null) => _target.UpdateChatCompletion(completionId, content, options);

    public override Task<ClientResult> UpdateChatCompletionAsync(string completionId, BinaryContent content, RequestOptions? options = null) => _target.UpdateChatCompletionAsync(completionId, content, options);

    public override ClientResult<ChatCompletionDeletionResult> DeleteChatCompletion(string completionId, CancellationToken cancellationToken = default) => _target.DeleteChatCompletion(completionId, cancellationToken);

    public override Task<ClientResult<ChatCompletionDeletionResult>> DeleteChatCompletionAsync(string completionId, CancellationToken cancellationToken = default) =>
        _target.DeleteChatCompletionAsync(completionId, cancellationToken);

    public override ClientResult DeleteChatCompletion(string completionId, RequestOptions options) => _target.DeleteChatCompletion(completionId, options);

    public override Task<ClientResult> DeleteChatCompletionAsync(string completionId, RequestOptions options) => _target.DeleteChatCompletionAsync(completionId, options);

    public override CollectionResult GetChatCompletions(string after, int? limit, string order, IDictionary<string, string> metadata, string model, RequestOptions options) =>
        _target.GetChatCompletions(after, limit, order, metadata, model, options);

    public override AsyncCollectionResult GetChatCompletionsAsync(string after, int? limit, string order, IDictionary<string, string> metadata, string model, RequestOptions options) =>
        _target.GetChatCompletionsAsync(after, limit, order, metadata, model, options);

    public override CollectionResult<ChatCompletion> GetChatCompletions(ChatCompletionCollectionOptions? options = null, CancellationToken cancellationToken = default) =>
        _target.GetChatCompletions(options, cancellationToken);

    public override AsyncCollectionResult<ChatCompletion> GetChatCompletionsAsync(ChatCompletionCollectionOptions? options = null, CancellationToken cancellationToken = default) =>
        _target.GetChatCompletionsAsync(options, cancellationToken);

    public override CollectionResult GetChatCompletionMessages(string completionId, string after, int? limit, string order, RequestOptions options) =>
        _target.GetChatCompletionMessages(completionId, after, limit, order, options);

    public override AsyncCollectionResult GetChatCompletionMessagesAsync(string completionId, string after, int? limit, string order, RequestOptions options) =>
        _target.GetChatCompletionMessagesAsync(completionId, after, limit, order, options);

    public override CollectionResult<ChatCompletionMessageListDatum> GetChatCompletionMessages(string completionId, ChatCompletionMessageCollectionOptions? options = null, CancellationToken cancellationToken = default) =>
        _target.GetChatCompletionMessages(completionId, options, cancellationToken);

    public override AsyncCollectionResult<ChatCompletionMessageListDatum> GetChatCompletionMessagesAsync(string completionId, ChatCompletionMessageCollectionOptions? options = null, CancellationToken cancellationToken = default) =>
        _target.GetChatCompletionMessagesAsync(completionId, options, cancellationToken);

    private ClientResult<ChatCompletion> Observe(object?[] arguments, Func<ClientResult<ChatCompletion>> send)
    {
        var call = HiltChatCall.Start(_recorder, OpenAIChatBinding.Complete, _target, arguments);
        if (call is null)
        {
            return send();
        }

        var counter = _retries?.Begin();
        ClientResult<ChatCompletion> result;
        try
        {
            result = send();
        }
        catch (Exception ex)
        {
            call.Fail(ex, EndCounting(counter));
            throw;
        }

        Complete(call, result, EndCounting(counter));
        return result;
    }

    private async Task<ClientResult<ChatCompletion>> ObserveAsync(object?[] arguments, Func<Task<ClientResult<ChatCompletion>>> send)
    {
        var call = HiltChatCall.Start(_recorder, OpenAIChatBinding.Complete, _target, arguments);
        if (call is null)
        {
            return await send().ConfigureAwait(false);
        }

        var counter = _retries?.Begin();
        ClientResult<ChatCompletion> result;
        try
        {
            result = await send().ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            call.Fail(ex, EndCounting(counter));
            throw;
        }

        Complete(call, result, EndCounting(counter));
        return result;
    }

    private TStream ObserveStream<TStream>(object?[] arguments, Func<TStream> open)
        where TStream : class
    {
        var call = HiltChatCall.Start(_recorder, OpenAIChatBinding.Streaming, _target, arguments);
        if (call is null)
        {
            return open();
        }

        TStream stream;
        try
        {
            // The SDK sends nothing yet: the request goes out when the caller starts reading.
            stream = open();
        }
        catch (Exception ex)
        {
            call.Fail(ex);
            throw;
        }

        try
        {
            return OpenAIChatBinding.Streaming.WrapStream(stream, call) as TStream ?? stream;
        }
        catch (Exception ex)
        {
            _recorder.Diagnostics.InternalError(nameof(HiltOpenAIChatClient), ex);
            return stream;
        }
    }

    private int? EndCounting(RetryCounter? counter) => counter is null ? null : _retries!.End(counter);

    private void Complete(HiltChatCall call, ClientResult<ChatCompletion> result, int? retries)
    {
        HiltChatResponse? response = null;
        try
        {
            response = OpenAIChatReader.ReadResult(result, retries);
        }
        catch (Exception ex)
        {
            _recorder.Diagnostics.InternalError(nameof(HiltOpenAIChatClient), ex);
        }

        call.Complete(response);
    }
}
