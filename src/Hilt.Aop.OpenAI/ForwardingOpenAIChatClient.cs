using System.ClientModel;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>An <see cref="IOpenAIChatClient"/> that forwards every call to a <see cref="ChatClient"/>, unchanged.</summary>
internal sealed class ForwardingOpenAIChatClient : IOpenAIChatClient
{
    public ForwardingOpenAIChatClient(ChatClient client)
    {
        Client = client;
    }

    /// <summary>Gets the SDK client calls go to.</summary>
    public ChatClient Client { get; }

    public ClientResult<ChatCompletion> CompleteChat(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        Client.CompleteChat(messages, options, cancellationToken);

    public Task<ClientResult<ChatCompletion>> CompleteChatAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        Client.CompleteChatAsync(messages, options, cancellationToken);

    public CollectionResult<StreamingChatCompletionUpdate> CompleteChatStreaming(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        Client.CompleteChatStreaming(messages, options, cancellationToken);

    public AsyncCollectionResult<StreamingChatCompletionUpdate> CompleteChatStreamingAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default) =>
        Client.CompleteChatStreamingAsync(messages, options, cancellationToken);
}
