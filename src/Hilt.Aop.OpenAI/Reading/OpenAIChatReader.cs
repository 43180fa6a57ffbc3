using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>Reads prompts, replies and usage from the OpenAI SDK's chat types.</summary>
internal static class OpenAIChatReader
{
    /// <summary>Reads the newest user message: its text parts, and a description of its images.</summary>
    public static OpenAIPrompt ReadPrompt(IEnumerable<ChatMessage>? messages)
    {
        UserChatMessage? newest = null;
        if (messages is IReadOnlyList<ChatMessage> list)
        {
            for (var i = list.Count - 1; i >= 0 && newest is null; i--)
            {
                newest = list[i] as UserChatMessage;
            }
        }
        else if (messages is not null)
        {
            foreach (var message in messages)
            {
                if (message is UserChatMessage user)
                {
                    newest = user;
                }
            }
        }

        return newest is null ? new OpenAIPrompt(null, null) : ReadContent(newest.Content);
    }

    /// <summary>Reads a non-streamed result: every choice's text, tool calls, refusal, usage and the HTTP status.</summary>
    public static OpenAIReply ReadResult(ClientResult<ChatCompletion> result)
    {
        var completion = result.Value;
        var response = SafeRawResponse(result);
        var text = JoinText(completion.Content);
        var others = response is null ? null : ReadOtherChoices(response);
        if (others is { Count: > 0 })
        {
            // ChatCompletion shows only the first choice; n > 1 replies carry the rest in the raw body.
            var all = new StringBuilder(text);
            foreach (var other in others)
            {
                if (all.Length > 0)
                {
                    all.Append("\n\n");
                }

                all.Append(other);
            }

            text = all.ToString();
        }

        return new OpenAIReply
        {
            Text = string.IsNullOrEmpty(text) ? null : text,
            Refusal = string.IsNullOrEmpty(completion.Refusal) ? null : completion.Refusal,
            ToolCalls = ReadToolCalls(completion.ToolCalls),
            FinishReason = FinishReasonText(completion.FinishReason),
            Model = completion.Model,
            ResponseId = completion.Id,
            Tokens = ReadUsage(completion.Usage),
            StatusCode = response?.Status,
        };
    }

    /// <summary>Maps the SDK's usage to HILT token counts.</summary>
    public static HiltTokens? ReadUsage(ChatTokenUsage? usage)
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
            Cached = usage.InputTokenDetails?.CachedTokenCount,
            Reasoning = usage.OutputTokenDetails?.ReasoningTokenCount,
        };
    }

    /// <summary>Spells a finish reason as the service does.</summary>
    public static string FinishReasonText(ChatFinishReason reason) => reason switch
    {
        ChatFinishReason.Stop => "stop",
        ChatFinishReason.Length => "length",
        ChatFinishReason.ContentFilter => "content_filter",
        ChatFinishReason.ToolCalls => "tool_calls",
        ChatFinishReason.FunctionCall => "function_call",
        _ => reason.ToString(),
    };

    private static OpenAIPrompt ReadContent(ChatMessageContent? content)
    {
        if (content is null || content.Count == 0)
        {
            return new OpenAIPrompt(string.Empty, null);
        }

        if (content.Count == 1 && content[0].Kind == ChatMessageContentPartKind.Text)
        {
            return new OpenAIPrompt(content[0].Text, null);
        }

        StringBuilder? text = null;
        List<object?>? images = null;
        foreach (var part in content)
        {
            if (part.Kind == ChatMessageContentPartKind.Text)
            {
                text = text is null ? new StringBuilder(part.Text) : text.Append('\n').Append(part.Text);
            }
            else if (part.Kind == ChatMessageContentPartKind.Image)
            {
                (images ??= []).Add(DescribeImage(part));
            }
        }

        return new OpenAIPrompt(text?.ToString() ?? string.Empty, images);
    }

    private static Dictionary<string, object?> DescribeImage(ChatMessageContentPart part)
    {
        var image = new Dictionary<string, object?>(StringComparer.Ordinal);
        var uri = part.ImageUri;
        if (uri is not null && !uri.Scheme.Equals("data", StringComparison.OrdinalIgnoreCase))
        {
            image["kind"] = "uri";
            image["uri"] = uri.GetLeftPart(UriPartial.Path);
        }
        else
        {
            // Inline data: only its kind, type and size are kept, never the bytes.
            image["kind"] = "bytes";
            var mediaType = part.ImageBytesMediaType;
            if (mediaType is null && uri is not null)
            {
                var path = uri.OriginalString;
                var start = path.IndexOf(':', StringComparison.Ordinal) + 1;
                var end = path.IndexOfAny([';', ','], start);
                mediaType = end > start ? path[start..end] : null;
            }

            if (mediaType is not null)
            {
                image["media_type"] = mediaType;
            }

            if (part.ImageBytes is { } bytes)
            {
                image["size_bytes"] = bytes.ToMemory().Length;
            }
        }

        if (part.ImageDetailLevel is { } detail)
        {
            image["detail"] = detail.ToString();
        }

        return image;
    }

    private static string? JoinText(ChatMessageContent? content)
    {
        if (content is null || content.Count == 0)
        {
            return null;
        }

        if (content.Count == 1)
        {
            return content[0].Text;
        }

        var text = new StringBuilder();
        foreach (var part in content)
        {
            if (part.Kind == ChatMessageContentPartKind.Text)
            {
                text.Append(part.Text);
            }
        }

        return text.ToString();
    }

    private static IReadOnlyList<OpenAIToolCall> ReadToolCalls(IReadOnlyList<ChatToolCall>? calls)
    {
        if (calls is null || calls.Count == 0)
        {
            return [];
        }

        var read = new OpenAIToolCall[calls.Count];
        for (var i = 0; i < read.Length; i++)
        {
            var call = calls[i];
            read[i] = new OpenAIToolCall(call.Id, call.FunctionName, call.FunctionArguments?.ToString());
        }

        return read;
    }

    private static PipelineResponse? SafeRawResponse(ClientResult result)
    {
        try
        {
            return result.GetRawResponse();
        }
        catch (InvalidOperationException)
        {
            // A result built by a test double may carry no response.
            return null;
        }
    }

    private static List<string>? ReadOtherChoices(PipelineResponse response)
    {
        BinaryData content;
        try
        {
            content = response.Content;
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        var reader = new Utf8JsonReader(content.ToMemory().Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!reader.ValueTextEquals("choices"u8))
            {
                reader.Read();
                reader.Skip();
                continue;
            }

            reader.Read();
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                return null;
            }

            List<string>? others = null;
            var index = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                if (index++ == 0)
                {
                    reader.Skip();
                    continue;
                }

                using var choice = JsonDocument.ParseValue(ref reader);
                if (choice.RootElement.TryGetProperty("message", out var message)
                    && message.TryGetProperty("content", out var text)
                    && text.ValueKind == JsonValueKind.String)
                {
                    (others ??= []).Add(text.GetString()!);
                }
            }

            return others;
        }

        return null;
    }
}
