using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Tests.ChatClients;

/// <summary>An in-memory <see cref="IChatClient"/>: answers with a fixed response or updates, or throws.</summary>
public sealed class FakeChatClient : IChatClient
{
    public ChatClientMetadata Metadata { get; set; } = new("fakeai", null, "fake-default");

    public Func<IReadOnlyList<ChatMessage>, ChatOptions?, ChatResponse> Respond { get; set; } =
        (messages, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, "reply " + messages.Count))
        {
            ModelId = "fake-model-2026",
            ResponseId = "resp_1",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 15, OutputTokenCount = 87, TotalTokenCount = 102, CachedInputTokenCount = 4, ReasoningTokenCount = 7 },
        };

    public ChatResponseUpdate[] Updates { get; set; } =
    [
        new(ChatRole.Assistant, "Bon") { ModelId = "fake-model-2026", ResponseId = "resp_s" },
        new(ChatRole.Assistant, "jour") { ModelId = "fake-model-2026" },
        new(ChatRole.Assistant, " !") { FinishReason = ChatFinishReason.Stop },
        new() { Contents = [new UsageContent(new UsageDetails { InputTokenCount = 9, OutputTokenCount = 3, TotalTokenCount = 12 })] },
    ];

    public Exception? Failure { get; set; }

    public List<IReadOnlyList<ChatMessage>> Received { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        await Task.Yield();
        cancellationToken.ThrowIfCancellationRequested();
        var list = messages.ToList();
        Received.Add(list);
        return Failure is null ? Respond(list, options) : throw Failure;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in Updates)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return update;
        }

        if (Failure is not null)
        {
            throw Failure;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata : serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
