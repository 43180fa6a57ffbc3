using System.ClientModel;
using System.ClientModel.Primitives;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using OpenAI;
using OpenAI.Chat;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// The OpenAI SDK's <see cref="ChatClient"/> against a canned in-process HTTP handler (no sockets): the plain client
/// is the baseline. The SDK's own request building, JSON parsing and pipeline are inside every case, so the ratio
/// shows what instrumenting costs relative to a real SDK call without the network.
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

    [GlobalSetup]
    public void Setup()
    {
        _plain = new ChatClient(Payloads.Model, new ApiKeyCredential("sk-bench"), Options(streaming: false));
        _plainStreaming = new ChatClient(Payloads.Model, new ApiKeyCredential("sk-bench"), Options(streaming: true));
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("call")]
    public async Task<int> Plain()
    {
        var result = await _plain.CompleteChatAsync(_messages).ConfigureAwait(false);
        return result.Value.Usage.TotalTokenCount;
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("stream")]
    public Task<int> PlainStream() => Consume(_plainStreaming);

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
