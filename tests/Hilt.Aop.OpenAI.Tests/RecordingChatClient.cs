using System.ClientModel;
using Hilt.Aop.Testing;
using OpenAI;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

/// <summary>A real SDK client that remembers the exception it threw, to prove the caller gets the same instance.</summary>
internal sealed class RecordingChatClient(string model, OpenAIClientOptions options)
    : ChatClient(model, new ApiKeyCredential(FakeOpenAIServer.ApiKey), options)
{
    public Exception? Thrown { get; private set; }

    public override ClientResult<ChatCompletion> CompleteChat(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return base.CompleteChat(messages, options, cancellationToken);
        }
        catch (Exception ex)
        {
            Thrown = ex;
            throw;
        }
    }

    public override async Task<ClientResult<ChatCompletion>> CompleteChatAsync(IEnumerable<ChatMessage> messages, ChatCompletionOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.CompleteChatAsync(messages, options, cancellationToken);
        }
        catch (Exception ex)
        {
            Thrown = ex;
            throw;
        }
    }
}
