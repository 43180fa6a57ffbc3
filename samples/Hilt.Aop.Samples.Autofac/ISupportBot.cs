namespace Hilt.Aop.Samples.Autofac;

/// <summary>A team's own AI service: the methods Hilt logs are found by their attributes.</summary>
[HiltSession(Name = "support")]
public interface ISupportBot
{
    /// <summary>Answers a customer's question on a ticket; the ticket id threads the conversation.</summary>
    [HiltChatCall]
    Task<string> AskAsync([HiltConversationId] string ticketId, [HiltPrompt] string question);

    /// <summary>Streams an answer word by word.</summary>
    [HiltChatCall]
    IAsyncEnumerable<string> StreamAsync([HiltConversationId] string ticketId, [HiltPrompt] string question);

    /// <summary>Not a chat call: never logged.</summary>
    int OpenTickets();
}
