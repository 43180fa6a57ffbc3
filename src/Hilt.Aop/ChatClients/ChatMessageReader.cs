using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Hilt.Aop;

/// <summary>Reads what Hilt logs from a list of <see cref="ChatMessage"/>: texts, attachments described (never their bytes), count.</summary>
internal static class ChatMessageReader
{
    // Arguments as one compact JSON string, the way providers send them.
    private static readonly JsonSerializerOptions CompactJson = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    public static MessageReading Read(IEnumerable<ChatMessage>? messages)
    {
        var reading = default(MessageReading);
        switch (messages)
        {
            case null:
                return reading;
            case IReadOnlyList<ChatMessage> list:
                ReadEnds(ref reading, list);
                break;
            case ICollection<ChatMessage> collection:
                foreach (var message in collection)
                {
                    Visit(ref reading, message);
                }

                break;
            default:
                // A lazy sequence is not enumerated a second time behind the caller's back.
                return reading;
        }

        if (reading.NewestUser is { } newest)
        {
            reading.PromptText = newest.Text;
            reading.Attachments = DescribeAttachments(newest);
        }

        return reading;
    }

    public static HiltTokens? ToTokens(UsageDetails? usage)
    {
        if (usage is null)
        {
            return null;
        }

        return new HiltTokens
        {
            Prompt = usage.InputTokenCount,
            Completion = usage.OutputTokenCount,
            Total = usage.TotalTokenCount,
            Cached = usage.CachedInputTokenCount,
            Reasoning = usage.ReasoningTokenCount,
        };
    }

    public static HiltToolCall ToToolCall(FunctionCallContent call) =>
        new(call.Name, call.Arguments is null ? null : JsonSerializer.Serialize(call.Arguments, CompactJson)) { CallId = call.CallId };

    /// <summary>
    /// Reads only the ends of an indexable history: the opening (system text and first user message) from the
    /// front, the newest user message from the back. The cost does not grow with the length of the history.
    /// </summary>
    private static void ReadEnds(ref MessageReading reading, IReadOnlyList<ChatMessage> list)
    {
        reading.Count = list.Count;
        for (var i = 0; i < list.Count; i++)
        {
            var message = list[i];
            if (message is null)
            {
                continue;
            }

            if (message.Role == ChatRole.User)
            {
                reading.FirstUserText = message.Text;
                break;
            }

            if (message.Role == ChatRole.System && reading.SystemText is null)
            {
                reading.SystemText = message.Text;
            }
        }

        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i] is { } message && message.Role == ChatRole.User)
            {
                reading.NewestUser = message;
                break;
            }
        }
    }

    private static void Visit(ref MessageReading reading, ChatMessage? message)
    {
        reading.Count++;
        if (message is null)
        {
            // The provider will refuse it; Hilt still logs the call (and the error) rather than nothing.
            return;
        }

        if (message.Role == ChatRole.User)
        {
            reading.FirstUserText ??= message.Text;
            reading.NewestUser = message;
        }
        else if (message.Role == ChatRole.System && reading.SystemText is null)
        {
            reading.SystemText = message.Text;
        }
    }

    private static IReadOnlyList<object?>? DescribeAttachments(ChatMessage message)
    {
        List<object?>? described = null;
        foreach (var content in message.Contents)
        {
            var description = content switch
            {
                DataContent data => new Dictionary<string, object?> { ["kind"] = "data", ["media_type"] = data.MediaType, ["bytes"] = data.Data.Length, ["name"] = data.Name },
                UriContent uri => new Dictionary<string, object?> { ["kind"] = "uri", ["media_type"] = uri.MediaType, ["uri"] = uri.Uri.ToString() },
                HostedFileContent file => new Dictionary<string, object?> { ["kind"] = "hosted_file", ["media_type"] = file.MediaType, ["file_id"] = file.FileId, ["name"] = file.Name },
                _ => null,
            };
            if (description is not null)
            {
                (described ??= []).Add(description);
            }
        }

        return described;
    }
}
