using System.ClientModel;
using Hilt.Aop.OpenAI;
using OpenAI.Chat;

namespace Hilt.Aop.Samples.Readme;

/// <summary>The README's OpenAI SDK snippet.</summary>
public static class OpenAISnippets
{
    public static async Task<ClientResult<ChatCompletion>> DropInAsync(string apiKey, HiltRecorder recorder, IEnumerable<ChatMessage> messages)
    {
        ChatClient client = new ChatClient("gpt-4o-mini", apiKey).WithHilt(recorder);   // still a ChatClient
        ClientResult<ChatCompletion> result = await client.CompleteChatAsync(messages);
        return result;
    }
}
