namespace Hilt.Aop.Testing;

/// <summary>
/// A fake Anthropic Messages API on 127.0.0.1: point the Anthropic SDK's base URL at
/// <see cref="FakeHttpServer.RootUrl"/>. By default every request gets a plain message.
/// </summary>
public sealed class FakeAnthropicServer : FakeHttpServer
{
    private FakeAnthropicServer(Microsoft.AspNetCore.Builder.WebApplication app, string url)
        : base(app, url)
    {
        DefaultReply = FakeAnthropicReplies.Message();
    }

    public const string ApiKey = "sk-ant-api03-FAKEabcdefghijklmnopqrstuvwxyz0123456789";

    public static async Task<FakeAnthropicServer> StartAsync()
    {
        FakeAnthropicServer? server = null;
        var (app, url) = await StartAppAsync(context => server!.HandleAsync(context)).ConfigureAwait(false);
        server = new FakeAnthropicServer(app, url);
        return server;
    }
}
