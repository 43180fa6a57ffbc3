using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>Reads prompts, replies and usage from the OpenAI SDK's chat types.</summary>
internal static class OpenAIChatReader
{
    /// <summary>Reads a request: the newest user message (text parts and image descriptions) and the history's fingerprint.</summary>
    /// <param name="messages">The messages of the call.</param>
    /// <param name="requestModel">The model the client asks for.</param>
    /// <param name="cancellationToken">The caller's token.</param>
    /// <returns>The request as Hilt logs it.</returns>
    public static HiltChatRequest ReadRequest(IEnumerable<ChatMessage>? messages, string? requestModel, CancellationToken cancellationToken)
    {
        // A lazy sequence is not enumerated a second time behind the caller's back (as for IChatClient).
        var list = messages as IReadOnlyList<ChatMessage> ?? (messages as ICollection<ChatMessage>)?.ToArray() ?? [];
        UserChatMessage? newest = null;
        for (var i = list.Count - 1; i >= 0 && newest is null; i--)
        {
            newest = list[i] as UserChatMessage;
        }

        string? system = null;
        string? firstUser = null;
        foreach (var message in list)
        {
#pragma warning disable OPENAI001 // Developer messages (the newer system messages) are marked for evaluation; only their type is tested.
            if (message is SystemChatMessage or DeveloperChatMessage)
#pragma warning restore OPENAI001
            {
                system ??= ReadContent(message.Content).Text;
            }
            else if (message is UserChatMessage)
            {
                firstUser = ReadContent(message.Content).Text;
                break;
            }
        }

        var (text, images) = newest is null ? (null, null) : ReadContent(newest.Content);
        return new HiltChatRequest
        {
            PromptText = text,
            Images = images,
            RequestModel = requestModel,
            Provider = OpenAIChatCallAdapter.Provider,
            HistoryFingerprint = HiltHistoryFingerprint.Compute(system, firstUser),
            MessageCount = list.Count,
            CancellationToken = cancellationToken,
        };
    }

    /// <summary>Reads a non-streamed result: every choice's text, tool calls, refusal, usage and the HTTP status.</summary>
    /// <param name="result">The SDK's result.</param>
    /// <param name="retries">The number of retries the pipeline made, where it is known.</param>
    /// <returns>The reply as Hilt logs it.</returns>
    public static HiltChatResponse ReadResult(ClientResult<ChatCompletion> result, int? retries = null)
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

        // A refusal is the reply's text when there is no other: it is what the user saw.
        return new HiltChatResponse
        {
            Text = string.IsNullOrEmpty(text) ? NullIfEmpty(completion.Refusal) : text,
            ToolCalls = ReadToolCalls(completion.ToolCalls),
            FinishReason = FinishReasonText(completion.FinishReason),
            Model = completion.Model,
            ResponseId = completion.Id,
            Tokens = ReadUsage(completion.Usage),
            StatusCode = response?.Status,
            Provider = OpenAIChatCallAdapter.Provider,
            Retries = retries,
        };
    }

    /// <summary>Reads what one streamed update adds to the reply.</summary>
    /// <param name="update">The update.</param>
    /// <returns>The text delta, tool call parts, finish reason, model, id and, on the last update, usage.</returns>
    public static HiltStreamUpdate ReadUpdate(StreamingChatCompletionUpdate update)
    {
        string? text = null;
        var content = update.ContentUpdate;
        if (content.Count == 1)
        {
            text = content[0].Text;
        }
        else if (content.Count > 1)
        {
            text = JoinText(content);
        }

        if (string.IsNullOrEmpty(text))
        {
            text = NullIfEmpty(update.RefusalUpdate);
        }

        HiltToolCall[]? toolCalls = null;
        var parts = update.ToolCallUpdates;
        if (parts.Count > 0)
        {
            toolCalls = new HiltToolCall[parts.Count];
            for (var i = 0; i < toolCalls.Length; i++)
            {
                var part = parts[i];
                toolCalls[i] = new HiltToolCall(part.FunctionName, part.FunctionArgumentsUpdate?.ToString()) { CallId = part.ToolCallId, Index = part.Index };
            }
        }

        return new HiltStreamUpdate
        {
            TextDelta = text,
            ToolCalls = toolCalls,
            Tokens = ReadUsage(update.Usage),
            Model = update.Model,
            FinishReason = update.FinishReason is { } reason ? FinishReasonText(reason) : null,
            ResponseId = update.CompletionId,
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

    private static (string? Text, List<object?>? Images) ReadContent(ChatMessageContent? content)
    {
        if (content is null || content.Count == 0)
        {
            return (string.Empty, null);
        }

        if (content.Count == 1 && content[0].Kind == ChatMessageContentPartKind.Text)
        {
            return (content[0].Text, null);
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

        return (text?.ToString() ?? string.Empty, images);
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

    private static HiltToolCall[]? ReadToolCalls(IReadOnlyList<ChatToolCall>? calls)
    {
        if (calls is null || calls.Count == 0)
        {
            return null;
        }

        var read = new HiltToolCall[calls.Count];
        for (var i = 0; i < read.Length; i++)
        {
            var call = calls[i];
            read[i] = new HiltToolCall(call.FunctionName, call.FunctionArguments?.ToString()) { CallId = call.Id, Index = i };
        }

        return read;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

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
