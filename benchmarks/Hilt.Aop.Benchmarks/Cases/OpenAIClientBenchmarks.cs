using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Hilt.Aop.OpenAI;
using OpenAI;
using OpenAI.Chat;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// The OpenAI SDK's <see cref="ChatClient"/> against a canned in-process HTTP handler (no sockets): the plain client
/// is the baseline. The SDK's own request building, JSON parsing and pipeline are inside every case, so the ratio
/// shows what instrumenting costs relative to a real SDK call without the network. The drop-in client is
/// <see cref="HiltOpenAI.CreateChatClient(string, ApiKeyCredential, OpenAIClientOptions?, HiltRecorder)"/> over the
/// same handler, writing to the JSONL sink in a temp folder.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OpenAIClientBenchmarks
{
    private readonly ChatMessage[] _messages =
    [
        new SystemChatMessage("You are a careful financial analyst."),
        new UserChatMessage(Payloads.PromptText),
    ];

    private ChatClient _plain = null!;
    private ChatClient _plainStreaming = null!;
    private ChatClient _dropIn = null!;
    private ChatClient _dropInStreaming = null!;
    private HiltHarness? _hilt;

    [GlobalSetup]
    public void Setup()
    {
        _plain = new ChatClient(Payloads.Model, new ApiKeyCredential("sk-bench"), Options(streaming: false));
        _plainStreaming = new ChatClient(Payloads.Model, new ApiKeyCredential("sk-bench"), Options(streaming: true));
        _hilt = HiltHarness.WithJsonl();
        _dropIn = HiltOpenAI.CreateChatClient(Payloads.Model, new ApiKeyCredential("sk-bench"), Options(streaming: false), _hilt.Recorder);
        _dropInStreaming = HiltOpenAI.CreateChatClient(Payloads.Model, new ApiKeyCredential("sk-bench"), Options(streaming: true), _hilt.Recorder);
        _hilt.EnsureRecords(nameof(DropIn), DropIn);
        _hilt.EnsureRecords(nameof(DropInStream), DropInStream);
    }

    [GlobalCleanup]
    public void Cleanup() => _hilt?.Dispose();

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("call")]
    public async Task<int> Plain()
    {
        var result = await _plain.CompleteChatAsync(_messages).ConfigureAwait(false);
        return result.Value.Usage.TotalTokenCount;
    }

    [Benchmark]
    [BenchmarkCategory("call")]
    public async Task<int> DropIn()
    {
        var result = await _dropIn.CompleteChatAsync(_messages).ConfigureAwait(false);
        return result.Value.Usage.TotalTokenCount;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("stream")]
    public Task<int> PlainStream() => Consume(_plainStreaming);

    [Benchmark]
    [BenchmarkCategory("stream")]
    public Task<int> DropInStream() => Consume(_dropInStreaming);

    internal static OpenAIClientOptions Options(bool streaming) => new()
    {
        Endpoint = CannedOpenAIHandler.Endpoint,
        Transport = new HttpClientPipelineTransport(new HttpClient(new CannedOpenAIHandler(streaming))),
        RetryPolicy = new ClientRetryPolicy(0),
    };

    private async Task<int> Consume(ChatClient client)
    {
        var chunks = 0;
        await foreach (var update in client.CompleteChatStreamingAsync(_messages).ConfigureAwait(false))
        {
            chunks += update.ContentUpdate.Count;
        }

        return chunks;
    }
}
