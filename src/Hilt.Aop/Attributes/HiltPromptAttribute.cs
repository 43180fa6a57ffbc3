namespace Hilt.Aop;

/// <summary>Marks the parameter that holds the prompt of a hand-written chat method; its text (or <see cref="object.ToString"/>) is logged.</summary>
/// <remarks>A method with such a parameter is a chat call even without <see cref="HiltChatCallAttribute"/>.</remarks>
[AttributeUsage(AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class HiltPromptAttribute : Attribute
{
}
