using System.ClientModel;
using System.ClientModel.Primitives;
using Hilt.Aop.Testing;
using OpenAI;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI.Tests;

/// <summary>A fake OpenAI server, a recorder that collects events, and SDK clients pointed at the server.</summary>
internal sealed class OpenAITestBed : IAsyncDisposable
{
    public const string RequestModel = "gpt-4o-mini";

    private OpenAITestBed(FakeOpenAIServer server, HiltOptions options)
    {
        Server = server;
        Recorder = new HiltRecorder(options.WriteTo(Sink).AddOpenAI());
    }

    public FakeOpenAIServer Server { get; }

    public CollectingSink Sink { get; } = new();

    public HiltRecorder Recorder { get; }

    public IReadOnlyList<HiltEvent> Events => Sink.Events;

    public static async Task<OpenAITestBed> StartAsync(HiltOptions? options = null) =>
        new(await FakeOpenAIServer.StartAsync(), options ?? new HiltOptions());

    /// <summary>Client options for the fake server: retries off unless asked, a short network timeout.</summary>
    public OpenAIClientOptions ClientOptions(int retries = 0, TimeSpan? timeout = null, string? url = null) => new()
    {
        Endpoint = new Uri(url ?? Server.Url),
        RetryPolicy = retries == 0 ? new ClientRetryPolicy(0) : new FastRetryPolicy(retries),
        NetworkTimeout = timeout ?? TimeSpan.FromSeconds(10),
    };

    /// <summary>A plain SDK client, not logged.</summary>
    public ChatClient SdkClient(int retries = 0, TimeSpan? timeout = null, string? url = null) =>
        new(RequestModel, new ApiKeyCredential(FakeOpenAIServer.ApiKey), ClientOptions(retries, timeout, url));

    /// <summary>The drop-in client over a plain SDK client.</summary>
    public ChatClient DropIn(int retries = 0, TimeSpan? timeout = null, string? url = null) => SdkClient(retries, timeout, url).WithHilt(Recorder);

    /// <summary>The adapter interface behind a HiltInterceptor proxy.</summary>
    public IOpenAIChatClient Adapter(int retries = 0, TimeSpan? timeout = null, string? url = null) =>
        HiltProxy.Create(SdkClient(retries, timeout, url).AsOpenAIChatClient(), Recorder);

    public HiltEvent Single(string action) => Assert.Single(Events, e => e.Action == action);

    public async ValueTask DisposeAsync()
    {
        await Recorder.DisposeAsync();
        await Server.DisposeAsync();
    }
}
