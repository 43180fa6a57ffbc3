using System.Reflection;

namespace Hilt.Aop;

/// <summary>Recognises hand-written chat methods: by attribute, or by the documented convention.</summary>
internal sealed class AttributeChatCallAdapter : IHiltChatCallAdapter
{
    public static readonly AttributeChatCallAdapter Instance = new();

    public HiltChatCallBinding? TryBind(MethodInfo method, Type? targetType) => null;
}
