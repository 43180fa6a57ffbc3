using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// Does the threading bookkeeping grow with history or with conversations? Each call resends one conversation's
/// history of <see cref="History"/> messages (its own opening messages, shared middle turns, the new question);
/// successive calls cycle through <see cref="Conversations"/> distinct conversations. The ratio is against the
/// direct call of the same parameters. Hilt writes to a <see cref="DiscardingSink"/> here, so a saturated file
/// writer cannot hide growth on the caller's thread.
/// </summary>
public class GrowthBenchmarks
{
    private List<ChatMessage>[] _conversations = [];
    private IChatClient _direct = null!;
    private IChatClient _hiltProxy = null!;
    private IChatClient _useHilt = null!;
    private HiltHarness? _hilt;
    private int _next;

    [Params(10, 1000)]
    public int History { get; set; }

    [Params(1, 1000)]
    public int Conversations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _direct = new InstantChatClient();
        _conversations = CreateConversations(History, Conversations);
        _hilt = HiltHarness.WithDiscardingSink();
        _hiltProxy = HiltProxy.Create(_direct, _hilt.Recorder);
        _useHilt = new ChatClientBuilder(_direct).UseHilt(_hilt.Recorder).Build();
        _hilt.EnsureRecords(nameof(HiltInterceptor), HiltInterceptor);
        _hilt.EnsureRecords(nameof(UseHilt), UseHilt);
        _next = 0;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _useHilt.Dispose();
        _hilt?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> Direct() => _direct.GetResponseAsync(Next());

    [Benchmark]
    public Task<ChatResponse> HiltInterceptor() => _hiltProxy.GetResponseAsync(Next());

    [Benchmark]
    public Task<ChatResponse> UseHilt() => _useHilt.GetResponseAsync(Next());

    private List<ChatMessage> Next()
    {
        var conversations = _conversations;
        var index = _next;
        _next = index + 1 == conversations.Length ? 0 : index + 1;
        return conversations[index];
    }

    /// <summary>Distinct openings per conversation; the middle turns are shared objects so 1,000 × 1,000 stays small.</summary>
    private static List<ChatMessage>[] CreateConversations(int history, int conversations)
    {
        var middle = Payloads.CreateMessages(history);
        var result = new List<ChatMessage>[conversations];
        for (var c = 0; c < conversations; c++)
        {
            var messages = new List<ChatMessage>(history)
            {
                new(ChatRole.System, "You are a careful financial analyst. Conversation " + c + "."),
                new(ChatRole.User, "Opening question of conversation " + c + "."),
            };
            for (var i = 2; i < history - 1; i++)
            {
                messages.Add(middle[i]);
            }

            messages.Add(middle[^1]);
            result[c] = messages;
        }

        return result;
    }
}
