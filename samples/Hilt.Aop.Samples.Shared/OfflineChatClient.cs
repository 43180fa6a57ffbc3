using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Samples;

/// <summary>
/// A deterministic stand-in for an OpenAI chat model, so the sample runs with no key and no network.
/// It answers from a small script, counts tokens the way OpenAI roughly does (about four characters a
/// token plus a few per message), reports a real model name, and fails like a rate-limited API when asked to.
/// </summary>
public sealed class OfflineChatClient : IChatClient
{
    public const string ModelName = "gpt-4o-mini-2024-07-18";

    private static readonly (string Keyword, string Reply)[] Script =
    [
        ("capital of france", "The capital of France is Paris."),
        ("how many people", "About 2.1 million people live in Paris itself, and roughly 12 million in the wider metropolitan area."),
        ("museum", "Start with the Musée d'Orsay: it is smaller than the Louvre and its Impressionist collection can be seen in an afternoon."),
        ("thank", "You're welcome. Enjoy your trip to Paris!"),
    ];

    private readonly ChatClientMetadata _metadata = new("openai", new Uri("https://api.openai.com/v1"), ModelName);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var history = messages.ToList();
        var question = history.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        if (question.Contains("rate limit", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpRequestException("Rate limit reached for gpt-4o-mini: 3 requests per minute (offline simulation).", null, HttpStatusCode.TooManyRequests);
        }

        var reply = Answer(question);
        var input = CountTokens(history);
        var output = CountTokens(reply);
        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, reply))
        {
            ModelId = ModelName,
            ResponseId = $"chatcmpl-offline-{Math.Abs(StableHash(question)):x8}",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = input + output },
        });
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var word in response.Text.Split(' '))
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, word + " ") { ModelId = ModelName };
        }

        yield return new ChatResponseUpdate { Contents = [new UsageContent(response.Usage!)], FinishReason = ChatFinishReason.Stop, ModelId = ModelName };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(_metadata) ? _metadata : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    private static string Answer(string question)
    {
        foreach (var (keyword, reply) in Script)
        {
            if (question.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                return reply;
            }
        }

        return "I can only answer a few travel questions while offline.";
    }

    private static long CountTokens(IEnumerable<ChatMessage> history) => history.Sum(m => 4 + CountTokens(m.Text)) + 3;

    private static long CountTokens(string text) => (text.Length + 3) / 4;

    private static int StableHash(string text)
    {
        var hash = 17;
        foreach (var c in text)
        {
            hash = unchecked((hash * 31) + c);
        }

        return hash;
    }
}
