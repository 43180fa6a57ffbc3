using System.Text;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Benchmarks;

/// <summary>The realistic payload every case shares: a 300-character prompt, a 600-character answer, usage, a model.</summary>
internal static class Payloads
{
    public const int PromptLength = 300;
    public const int CompletionLength = 600;
    public const int StreamChunks = 50;
    public const string Model = "gpt-4o-mini-2024-07-18";
    public const string Provider = "openai";
    public const long PromptTokens = 75;
    public const long CompletionTokens = 150;
    public const decimal CostUsd = 0.00010125m;

    public static readonly string PromptText = Fill(
        "Summarise the attached quarterly report for the board, keep the figures exact, flag every risk the auditors raised, " +
        "and end with three questions the finance team should answer before Friday's meeting. ",
        PromptLength);

    public static readonly string CompletionText = Fill(
        "Revenue grew 12% to 4.2 million while operating costs rose 7%, so the margin widened by three points. " +
        "The auditors flagged the late reconciliation of two supplier accounts and an unhedged currency exposure. " +
        "Questions for finance: when will the reconciliation close, what is the hedging plan, and is the hiring budget still on track? ",
        CompletionLength);

    public static readonly ChatResponse Response = new(new ChatMessage(ChatRole.Assistant, CompletionText))
    {
        ModelId = Model,
        ResponseId = "chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT",
        FinishReason = ChatFinishReason.Stop,
        CreatedAt = new DateTimeOffset(2026, 12, 4, 20, 0, 0, TimeSpan.Zero),
        Usage = new UsageDetails
        {
            InputTokenCount = PromptTokens,
            OutputTokenCount = CompletionTokens,
            TotalTokenCount = PromptTokens + CompletionTokens,
        },
    };

    public static readonly ChatResponseUpdate[] StreamUpdates = CreateStreamUpdates();

    /// <summary>Builds a request: a system message, <paramref name="historyLength"/> - 2 earlier turns, and the new question.</summary>
    public static List<ChatMessage> CreateMessages(int historyLength = 2, int conversation = 0)
    {
        var messages = new List<ChatMessage>(historyLength)
        {
            new(ChatRole.System, "You are a careful financial analyst. Conversation " + conversation + "."),
        };
        for (var i = 1; i < historyLength - 1; i++)
        {
            messages.Add(i % 2 == 1
                ? new ChatMessage(ChatRole.User, "Earlier question " + i + " of conversation " + conversation + ".")
                : new ChatMessage(ChatRole.Assistant, "Earlier answer " + i + "."));
        }

        messages.Add(new ChatMessage(ChatRole.User, PromptText));
        return messages;
    }

    private static ChatResponseUpdate[] CreateStreamUpdates()
    {
        var updates = new ChatResponseUpdate[StreamChunks];
        var size = CompletionLength / StreamChunks;
        for (var i = 0; i < StreamChunks; i++)
        {
            var update = new ChatResponseUpdate(ChatRole.Assistant, CompletionText.Substring(i * size, size))
            {
                ModelId = Model,
                ResponseId = Response.ResponseId,
                MessageId = "msg-1",
            };
            if (i == StreamChunks - 1)
            {
                update.FinishReason = ChatFinishReason.Stop;
                update.Contents.Add(new UsageContent(Response.Usage!));
            }

            updates[i] = update;
        }

        return updates;
    }

    private static string Fill(string seed, int length)
    {
        var builder = new StringBuilder(length + seed.Length);
        while (builder.Length < length)
        {
            builder.Append(seed);
        }

        return builder.ToString(0, length);
    }
}
