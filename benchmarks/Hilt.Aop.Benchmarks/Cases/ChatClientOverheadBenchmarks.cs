using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Castle.DynamicProxy;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// Per-call overhead seen by the caller over an <see cref="IChatClient"/> that answers at once: one request
/// (system message + a 300-character question) answered with a 600-character reply, usage and model.
/// Category <c>call</c> is <c>GetResponseAsync</c>; category <c>stream</c> is <c>GetStreamingResponseAsync</c>
/// of 50 chunks, consumed to the end. Ratios are against the direct call of the same category.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ChatClientOverheadBenchmarks
{
    private const string TelemetrySource = "Hilt.Aop.Benchmarks";
    private static readonly ProxyGenerator Generator = new();

    private readonly List<ChatMessage> _messages = Payloads.CreateMessages();
    private IChatClient _direct = null!;
    private IChatClient _castle = null!;
    private IChatClient _hiltProxy = null!;
    private IChatClient _hiltProxyDiscarding = null!;
    private IChatClient _useHilt = null!;
    private IChatClient _openTelemetry = null!;
    private IChatClient _logging = null!;
    private TelemetryCollector? _telemetry;
    private ILoggerFactory? _loggerFactory;
    private HiltHarness? _hilt;
    private HiltHarness? _hiltDiscarding;

    [GlobalSetup]
    public void Setup()
    {
        _direct = new InstantChatClient();
        _castle = Generator.CreateInterfaceProxyWithTarget<IChatClient>(_direct, new PassThroughInterceptor());

        _hilt = HiltHarness.WithJsonl();
        _hiltDiscarding = HiltHarness.WithDiscardingSink();
        _hiltProxy = HiltProxy.Create(_direct, _hilt.Recorder);
        _hiltProxyDiscarding = HiltProxy.Create(_direct, _hiltDiscarding.Recorder);
        _useHilt = new ChatClientBuilder(_direct).UseHilt(_hilt.Recorder).Build();
        _hilt.EnsureRecords(nameof(HiltInterceptor), HiltInterceptor);
        _hilt.EnsureRecords(nameof(HiltInterceptorStream), () => HiltInterceptorStream().AsTask());
        _hilt.EnsureRecords(nameof(UseHilt), UseHilt);
        _hilt.EnsureRecords(nameof(UseHiltStream), () => UseHiltStream().AsTask());
        _hiltDiscarding.EnsureRecords(nameof(HiltInterceptorDiscard), HiltInterceptorDiscard);
        _hiltDiscarding.EnsureRecords(nameof(HiltInterceptorDiscardStream), () => HiltInterceptorDiscardStream().AsTask());

        _telemetry = new TelemetryCollector(TelemetrySource);
        _openTelemetry = new ChatClientBuilder(_direct)
            .UseOpenTelemetry(sourceName: TelemetrySource, configure: client => client.EnableSensitiveData = true)
            .Build();

        var logs = new DiscardingLoggerProvider();
        _loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        _logging = new ChatClientBuilder(_direct).UseLogging(_loggerFactory).Build();

        // The anchors must do their work too: one traced activity with tags, and log messages written.
        OpenTelemetry().GetAwaiter().GetResult();
        Logging().GetAwaiter().GetResult();
        if (_telemetry.Stopped != 1 || _telemetry.Tags == 0 || logs.Written == 0)
        {
            throw new InvalidOperationException($"An anchor recorded nothing: {_telemetry.Stopped} activities, {_telemetry.Tags} tags, {logs.Written} log messages.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _openTelemetry.Dispose();
        _logging.Dispose();
        _useHilt.Dispose();
        _hilt?.Dispose();
        _hiltDiscarding?.Dispose();
        _telemetry?.Dispose();
        _loggerFactory?.Dispose();
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("call")]
    public Task<ChatResponse> Direct() => _direct.GetResponseAsync(_messages);

    [Benchmark]
    [BenchmarkCategory("call")]
    public Task<ChatResponse> CastlePassThrough() => _castle.GetResponseAsync(_messages);

    /// <summary>The interceptor with the JSONL sink; when calls outpace the writer, this includes waiting for queue room.</summary>
    [Benchmark]
    [BenchmarkCategory("call")]
    public Task<ChatResponse> HiltInterceptor() => _hiltProxy.GetResponseAsync(_messages);

    /// <summary>The interceptor's hot path alone: events built and handed to a sink that drops them.</summary>
    [Benchmark]
    [BenchmarkCategory("call")]
    public Task<ChatResponse> HiltInterceptorDiscard() => _hiltProxyDiscarding.GetResponseAsync(_messages);

    [Benchmark]
    [BenchmarkCategory("call")]
    public Task<ChatResponse> UseHilt() => _useHilt.GetResponseAsync(_messages);

    [Benchmark]
    [BenchmarkCategory("call")]
    public Task<ChatResponse> OpenTelemetry() => _openTelemetry.GetResponseAsync(_messages);

    [Benchmark]
    [BenchmarkCategory("call")]
    public Task<ChatResponse> Logging() => _logging.GetResponseAsync(_messages);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("stream")]
    public ValueTask<int> DirectStream() => Consume(_direct);

    [Benchmark]
    [BenchmarkCategory("stream")]
    public ValueTask<int> CastlePassThroughStream() => Consume(_castle);

    [Benchmark]
    [BenchmarkCategory("stream")]
    public ValueTask<int> HiltInterceptorStream() => Consume(_hiltProxy);

    [Benchmark]
    [BenchmarkCategory("stream")]
    public ValueTask<int> HiltInterceptorDiscardStream() => Consume(_hiltProxyDiscarding);

    [Benchmark]
    [BenchmarkCategory("stream")]
    public ValueTask<int> UseHiltStream() => Consume(_useHilt);

    [Benchmark]
    [BenchmarkCategory("stream")]
    public ValueTask<int> OpenTelemetryStream() => Consume(_openTelemetry);

    [Benchmark]
    [BenchmarkCategory("stream")]
    public ValueTask<int> LoggingStream() => Consume(_logging);

    private async ValueTask<int> Consume(IChatClient client)
    {
        var chunks = 0;
        await foreach (var update in client.GetStreamingResponseAsync(_messages).ConfigureAwait(false))
        {
            chunks += update.Contents.Count;
        }

        return chunks;
    }
}
