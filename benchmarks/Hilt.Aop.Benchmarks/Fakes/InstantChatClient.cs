using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Benchmarks;

/// <summary>An <see cref="IChatClient"/> that answers at once with the same realistic response, so only the wrapper is measured.</summary>
public sealed class InstantChatClient : IChatClient
{
    private static readonly Task<ChatResponse> CompletedResponse = Task.FromResult(Payloads.Response);
    private static readonly ChatClientMetadata Metadata = new(Payloads.Provider, new Uri("https://api.openai.com/v1"), Payloads.Model);

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        CompletedResponse;

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = Payloads.StreamUpdates;
        for (var i = 0; i < updates.Length; i++)
        {
            yield return updates[i];
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType == typeof(ChatClientMetadata) ? Metadata : serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }
}
