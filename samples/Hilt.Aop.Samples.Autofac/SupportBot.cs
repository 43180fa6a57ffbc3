using Microsoft.Extensions.AI;

namespace Hilt.Aop.Samples.Autofac;

/// <summary>The implementation knows nothing about logging.</summary>
public sealed class SupportBot(IChatClient model) : ISupportBot
{
    public async Task<string> AskAsync(string ticketId, string question)
    {
        var response = await model.GetResponseAsync([new ChatMessage(ChatRole.User, question)]);
        return response.Text;
    }

    public async IAsyncEnumerable<string> StreamAsync(string ticketId, string question)
    {
        await foreach (var update in model.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, question)]))
        {
            if (update.Text.Length > 0)
            {
                yield return update.Text;
            }
        }
    }

    public int OpenTickets() => 3;
}
