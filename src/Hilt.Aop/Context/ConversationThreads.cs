namespace Hilt.Aop;

/// <summary>
/// Threading state of one session scope: which conversation a message history belongs to, and the
/// last completion logged in each conversation (for <c>reply_to</c> of the next prompt).
/// </summary>
internal sealed class ConversationThreads
{
}
