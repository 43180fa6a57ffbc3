using Microsoft.Extensions.AI;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// An in-memory <see cref="IChatClient"/>: answers with a fixed response, or with "r|" plus the newest user text,
/// or throws what the test gives it. Records what it was called with, to prove the call reached it unchanged.
/// </summary>
internal sealed class EchoChatClient : IChatClient
{
    private readonly ChatResponse? _fixed;
    private readonly Exception? _throw;

    public EchoChatClient(ChatResponse? fixedResponse = null, Exception? toThrow = null)
    {
        _fixed = fixedResponse;
        _throw = toThrow;
    }

    public IEnumerable<ChatMessage>? LastMessages { get; private set; }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        LastMessages = messages;
        if (_throw is not null)
        {
            return Task.FromException<ChatResponse>(_throw);
        }

        if (_fixed is not null)
        {
            return Task.FromResult(_fixed);
        }

        string? newest = null;
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.User)
            {
                newest = message.Text;
            }
        }

        return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "r|" + newest)) { ModelId = "echo-1" });
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
