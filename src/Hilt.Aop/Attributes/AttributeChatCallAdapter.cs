using System.Reflection;

namespace Hilt.Aop;

/// <summary>Recognises hand-written chat methods: by attribute, or by the documented convention (see <see cref="HiltChatCallAttribute"/>).</summary>
internal sealed class AttributeChatCallAdapter : IHiltChatCallAdapter
{
    public static readonly AttributeChatCallAdapter Instance = new();

    private static readonly string[] PromptNames = ["prompt", "question", "message", "input"];

    public HiltChatCallBinding? TryBind(MethodInfo method, Type? targetType)
    {
        if (method.IsDefined(typeof(HiltIgnoreAttribute), inherit: true) || method.IsSpecialName)
        {
            return null;
        }

        var parameters = method.GetParameters();
        var marked = method.GetCustomAttribute<HiltChatCallAttribute>()
            ?? method.DeclaringType?.GetCustomAttribute<HiltChatCallAttribute>()
            ?? targetType?.GetCustomAttribute<HiltChatCallAttribute>();
        var promptIndex = Array.FindIndex(parameters, static p => p.IsDefined(typeof(HiltPromptAttribute), inherit: true));
        var (resultKind, streaming) = ResultKindOf(method.ReturnType);

        if (marked is null && promptIndex < 0)
        {
            // The convention: a named string prompt parameter and a string (or streamed string) reply.
            if (resultKind != HandWrittenResultKind.Text)
            {
                return null;
            }

            promptIndex = FindNamedPrompt(parameters);
            if (promptIndex < 0)
            {
                return null;
            }
        }
        else if (promptIndex < 0)
        {
            promptIndex = FindNamedPrompt(parameters);
            if (promptIndex < 0)
            {
                promptIndex = Array.FindIndex(parameters, static p => p.ParameterType == typeof(string));
            }
        }

        var conversationIndex = Array.FindIndex(parameters, static p => p.IsDefined(typeof(HiltConversationIdAttribute), inherit: true));
        var tokenIndex = Array.FindIndex(parameters, static p => p.ParameterType == typeof(CancellationToken));
        var provider = marked?.Provider ?? ServiceName(method.DeclaringType ?? targetType);
        return new HandWrittenChatCallBinding(promptIndex, conversationIndex, tokenIndex, streaming, provider, marked?.Model);
    }

    private static int FindNamedPrompt(ParameterInfo[] parameters) =>
        Array.FindIndex(parameters, static p => p.ParameterType == typeof(string) && Array.Exists(PromptNames, name => string.Equals(name, p.Name, StringComparison.OrdinalIgnoreCase)));

    private static string ServiceName(Type? type) => type?.Name ?? "unknown";

    private static (HandWrittenResultKind Kind, bool Streaming) ResultKindOf(Type returnType)
    {
        var streaming = false;
        var type = returnType;
        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Task<>) || definition == typeof(ValueTask<>))
            {
                type = type.GetGenericArguments()[0];
            }
            else if (definition == typeof(IAsyncEnumerable<>))
            {
                type = type.GetGenericArguments()[0];
                streaming = true;
            }
        }

        if (type == typeof(string))
        {
            return (HandWrittenResultKind.Text, streaming);
        }

        if (typeof(IHiltChatResult).IsAssignableFrom(type))
        {
            return (HandWrittenResultKind.ChatResult, streaming);
        }

        return (HandWrittenResultKind.Other, streaming);
    }
}
