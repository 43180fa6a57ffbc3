namespace Hilt.Aop.Testing;

/// <summary>
/// A fake OpenAI API on 127.0.0.1 for the real OpenAI SDK: point <c>OpenAIClientOptions.Endpoint</c> at
/// <see cref="FakeHttpServer.Url"/>. Replies are scripted with <see cref="FakeOpenAIReplies"/>; by default
/// every request gets a plain chat completion.
/// </summary>
public sealed class FakeOpenAIServer : FakeHttpServer
{
    private FakeOpenAIServer(Microsoft.AspNetCore.Builder.WebApplication app, string url)
        : base(app, url)
    {
        DefaultReply = FakeOpenAIReplies.Completion();
    }

    /// <summary>An API key in the SDK's format, for tests that look for it in logs.</summary>
    public const string ApiKey = "sk-proj-FAKEabcdefghijklmnopqrstuvwxyz0123456789";

    public static async Task<FakeOpenAIServer> StartAsync()
    {
        FakeOpenAIServer? server = null;
        var (app, url) = await StartAppAsync(context => server!.HandleAsync(context)).ConfigureAwait(false);
        server = new FakeOpenAIServer(app, url);
        return server;
    }
}
