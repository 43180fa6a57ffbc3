using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// Does the threading bookkeeping grow with history or with conversations? Each call resends one conversation's
/// history of <see cref="History"/> messages (its own opening messages, shared middle turns, the new question);
/// successive calls cycle through <see cref="Conversations"/> distinct conversations. The ratio is against the
/// direct call of the same parameters.
/// </summary>
public class GrowthBenchmarks
{
    private List<ChatMessage>[] _conversations = [];
    private IChatClient _direct = null!;
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
    }

    [Benchmark(Baseline = true)]
    public Task<ChatResponse> Direct() => _direct.GetResponseAsync(Next());

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
