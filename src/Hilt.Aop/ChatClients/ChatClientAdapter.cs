using System.Reflection;
using Microsoft.Extensions.AI;

namespace Hilt.Aop;

/// <summary>Recognises the <see cref="IChatClient"/> methods <c>GetResponseAsync</c> and <c>GetStreamingResponseAsync</c>, on the interface or on a class that implements it.</summary>
internal sealed class ChatClientAdapter : IHiltChatCallAdapter
{
    public static readonly ChatClientAdapter Instance = new();

    public HiltChatCallBinding? TryBind(MethodInfo method, Type? targetType)
    {
        if (method.Name is not (nameof(IChatClient.GetResponseAsync) or nameof(IChatClient.GetStreamingResponseAsync)))
        {
            return null;
        }

        var parameters = method.GetParameters();
        if (parameters.Length != 3
            || parameters[0].ParameterType != typeof(IEnumerable<ChatMessage>)
            || parameters[1].ParameterType != typeof(ChatOptions)
            || parameters[2].ParameterType != typeof(CancellationToken))
        {
            return null;
        }

        if (method.ReturnType == typeof(Task<ChatResponse>))
        {
            return new ChatClientBinding(streaming: false);
        }

        return method.ReturnType == typeof(IAsyncEnumerable<ChatResponseUpdate>) ? new ChatClientBinding(streaming: true) : null;
    }
}
