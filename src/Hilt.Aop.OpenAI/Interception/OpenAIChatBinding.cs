using System.ClientModel;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>How to read the chat methods of <see cref="ChatClient"/> and <see cref="IOpenAIChatClient"/>.</summary>
/// <remarks>Stateless; one instance per kind of method, shared by every call.</remarks>
internal sealed class OpenAIChatBinding : HiltChatCallBinding
{
    public static readonly OpenAIChatBinding Complete = new(streaming: false);

    public static readonly OpenAIChatBinding Streaming = new(streaming: true);

    private readonly bool _streaming;

    private OpenAIChatBinding(bool streaming)
    {
        _streaming = streaming;
    }

    public override bool IsStreaming => _streaming;

    public override HiltChatRequest ReadRequest(object? target, object?[] arguments)
    {
        // (IEnumerable<ChatMessage> messages, ChatCompletionOptions options, CancellationToken) or (params ChatMessage[]).
        var messages = arguments.Length > 0 ? arguments[0] as IEnumerable<ChatMessage> : null;
        var cancellationToken = arguments.Length > 2 && arguments[2] is CancellationToken token ? token : default;
        return OpenAIChatReader.ReadRequest(messages, ModelOf(target), cancellationToken);
    }

    public override HiltChatResponse? ReadResponse(object? result) =>
        result is ClientResult<ChatCompletion> completion ? OpenAIChatReader.ReadResult(completion) : null;

    public override HiltStreamUpdate? ReadStreamItem(object? item) => item switch
    {
        StreamingChatCompletionUpdate update => OpenAIChatReader.ReadUpdate(update),
        OpenAIStreamStatus status => new HiltStreamUpdate { StatusCode = status.StatusCode },
        _ => null,
    };

    public override object? WrapStream(object? stream, IHiltStreamObserver observer) => stream switch
    {
        CollectionResult<StreamingChatCompletionUpdate> updates => new ObservedCollectionResult(updates, observer),
        AsyncCollectionResult<StreamingChatCompletionUpdate> updates => new ObservedAsyncCollectionResult(updates, observer),
        _ => null,
    };

    public override (int StatusCode, string ErrorCode)? ClassifyError(Exception exception, CancellationToken cancellationToken) =>
        OpenAIErrors.Classify(exception, cancellationToken.IsCancellationRequested);

#pragma warning disable OPENAI001 // ChatClient.Model is marked for evaluation; it is only read here.
    private static string? ModelOf(object? target) => target switch
    {
        ChatClient client => client.Model,
        ForwardingOpenAIChatClient forwarding => forwarding.Client.Model,
        _ => null,
    };
#pragma warning restore OPENAI001
}
