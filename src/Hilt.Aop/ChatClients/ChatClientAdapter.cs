using System.Reflection;

namespace Hilt.Aop;

/// <summary>Recognises the <c>Microsoft.Extensions.AI</c> <c>IChatClient</c> methods.</summary>
internal sealed class ChatClientAdapter : IHiltChatCallAdapter
{
    public static readonly ChatClientAdapter Instance = new();

    public HiltChatCallBinding? TryBind(MethodInfo method, Type? targetType) => null;
}
