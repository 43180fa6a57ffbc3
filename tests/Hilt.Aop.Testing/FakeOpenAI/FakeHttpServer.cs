using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hilt.Aop.Testing;

/// <summary>
/// A scripted HTTP server on 127.0.0.1 with a free port: each request takes the next queued reply (or the
/// default one), and every request is recorded. The base of the fake OpenAI and Anthropic servers.
/// </summary>
public class FakeHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private int _requestCount;

    protected FakeHttpServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>Gets the base URL, e.g. <c>http://127.0.0.1:51234/v1</c>.</summary>
    public string Url { get; }

    /// <summary>Gets the URL without the <c>/v1</c> path.</summary>
    public string RootUrl => Url[..Url.LastIndexOf("/v1", StringComparison.Ordinal)];

    /// <summary>Gets or sets the reply used when the script is empty.</summary>
    public FakeReply DefaultReply { get; set; } = FakeReply.Status(404, "{}");

    /// <summary>Gets how many requests arrived.</summary>
    public int RequestCount => Volatile.Read(ref _requestCount);

    /// <summary>Gets the requests received so far, in order.</summary>
    public IReadOnlyList<FakeRequest> Requests => _requests.ToArray();

    /// <summary>Gets a URL on 127.0.0.1 where nothing listens: connecting to it is refused.</summary>
    public static string UnusedUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/v1";
    }

    /// <summary>Queues replies for the next requests, in order.</summary>
    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        try
        {
            await _app.StopAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    protected static async Task<(WebApplication App, string Url)> StartAppAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context => handler(context));
        await app.StartAsync().ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, address.TrimEnd('/') + "/v1");
    }

    protected async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requestCount);
        string body;
        using (var reader = new StreamReader(context.Request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        }

        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var request = new FakeRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, headers, body);
        _requests.Enqueue(request);
        var reply = _script.TryDequeue(out var next) ? next : DefaultReply;
        try
        {
            await reply.WriteAsync(context, request).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            request.Aborted = true;
        }
        catch (IOException)
        {
            request.Aborted = true;
        }

        if (context.RequestAborted.IsCancellationRequested)
        {
            request.Aborted = true;
        }
    }
}
