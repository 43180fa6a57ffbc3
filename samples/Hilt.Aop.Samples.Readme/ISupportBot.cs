namespace Hilt.Aop.Samples.Readme;

[HiltSession(Name = "support")]
public interface ISupportBot
{
    [HiltChatCall]
    Task<string> AskAsync([HiltConversationId] string ticketId, [HiltPrompt] string question);

    int OpenTickets();   // not a chat call: passes straight through, nothing logged
}
