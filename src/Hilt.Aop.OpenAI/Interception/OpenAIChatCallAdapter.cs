using System.ClientModel;
using System.Reflection;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>
/// Recognises the chat methods of the OpenAI SDK: <c>CompleteChat</c>, <c>CompleteChatAsync</c>,
/// <c>CompleteChatStreaming</c> and <c>CompleteChatStreamingAsync</c> of <see cref="ChatClient"/> and of
/// <see cref="IOpenAIChatClient"/>, in both their overloads.
/// </summary>
internal sealed class OpenAIChatCallAdapter : IHiltChatCallAdapter
{
    /// <summary>The provider name written on OpenAI calls.</summary>
    public const string Provider = "openai";

    public static readonly OpenAIChatCallAdapter Instance = new();

    public HiltChatCallBinding? TryBind(MethodInfo method, Type? targetType)
    {
        var declaring = method.DeclaringType;
        if (declaring is null || !(declaring == typeof(IOpenAIChatClient) || typeof(ChatClient).IsAssignableFrom(declaring)))
        {
            return null;
        }

        var parameters = method.GetParameters();
        var shaped = parameters.Length switch
        {
            1 => parameters[0].ParameterType == typeof(ChatMessage[]),
            3 => parameters[0].ParameterType == typeof(IEnumerable<ChatMessage>) && parameters[1].ParameterType == typeof(ChatCompletionOptions) && parameters[2].ParameterType == typeof(CancellationToken),
            _ => false,
        };
        if (!shaped)
        {
            return null;
        }

        return method.Name switch
        {
            nameof(ChatClient.CompleteChat) when method.ReturnType == typeof(ClientResult<ChatCompletion>) => OpenAIChatBinding.Complete,
            nameof(ChatClient.CompleteChatAsync) when method.ReturnType == typeof(Task<ClientResult<ChatCompletion>>) => OpenAIChatBinding.Complete,
            nameof(ChatClient.CompleteChatStreaming) when method.ReturnType == typeof(CollectionResult<StreamingChatCompletionUpdate>) => OpenAIChatBinding.Streaming,
            nameof(ChatClient.CompleteChatStreamingAsync) when method.ReturnType == typeof(AsyncCollectionResult<StreamingChatCompletionUpdate>) => OpenAIChatBinding.Streaming,
            _ => null,
        };
    }
}
