using System.ClientModel;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>
/// The chat methods of the OpenAI SDK's <see cref="ChatClient"/>, as an interface that a container can proxy and
/// <see cref="HiltInterceptor"/> can log.
/// </summary>
/// <remarks>
/// The methods have the SDK's own shapes and results, so code moves from <see cref="ChatClient"/> to this interface
/// without other changes. Get an implementation over a <see cref="ChatClient"/> with
/// <see cref="OpenAIChatClientExtensions.AsOpenAIChatClient"/>, and let Hilt read its calls by adding
/// <see cref="OpenAIHiltOptionsExtensions.AddOpenAI"/> to the recorder's options.
/// </remarks>
public interface IOpenAIChatClient
{
    /// <summary>Generates a completion for the chat messages.</summary>
    /// <param name="messages">The conversation so far.</param>
    /// <param name="options">The options of the completion, if any.</param>
    /// <param name="cancellationToken">A token that cancels the request.</param>
    /// <returns>The completion, with the service's raw response.</returns>
    ClientResult<ChatCompletion> CompleteChat(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Generates a completion for the chat messages.</summary>
    /// <param name="messages">The conversation so far.</param>
    /// <param name="options">The options of the completion, if any.</param>
    /// <param name="cancellationToken">A token that cancels the request.</param>
    /// <returns>A task whose result is the completion, with the service's raw response.</returns>
    Task<ClientResult<ChatCompletion>> CompleteChatAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Generates a completion for the chat messages, streamed as it is produced.</summary>
    /// <param name="messages">The conversation so far.</param>
    /// <param name="options">The options of the completion, if any.</param>
    /// <param name="cancellationToken">A token that cancels the request.</param>
    /// <returns>The updates, read lazily: the request is sent when enumeration starts.</returns>
    CollectionResult<StreamingChatCompletionUpdate> CompleteChatStreaming(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Generates a completion for the chat messages, streamed as it is produced.</summary>
    /// <param name="messages">The conversation so far.</param>
    /// <param name="options">The options of the completion, if any.</param>
    /// <param name="cancellationToken">A token that cancels the request.</param>
    /// <returns>The updates, read lazily: the request is sent when enumeration starts.</returns>
    AsyncCollectionResult<StreamingChatCompletionUpdate> CompleteChatStreamingAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default);
}
