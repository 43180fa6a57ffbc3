namespace Hilt.Aop;

/// <summary>Marks the parameter that holds the conversation key of a hand-written chat method (a ticket id, a chat id).</summary>
/// <remarks>
/// The key's text (or <see cref="object.ToString"/>) becomes the conversation id by <see cref="HiltConversationId.FromKey"/>,
/// and wins over every session (see <see cref="HiltSessionAttribute"/>). A <see langword="null"/> argument gives no key.
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter, Inherited = true, AllowMultiple = false)]
public sealed class HiltConversationIdAttribute : Attribute
{
}
