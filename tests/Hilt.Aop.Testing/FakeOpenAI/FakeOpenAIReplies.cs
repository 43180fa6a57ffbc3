using System.Text.Json.Nodes;

namespace Hilt.Aop.Testing;

/// <summary>Builds the replies of the OpenAI chat completions API, as the service sends them.</summary>
public static class FakeOpenAIReplies
{
    /// <summary>The model the fake service answers with (a dated snapshot, as the real one does).</summary>
    public const string Model = "gpt-4o-mini-2024-07-18";

    public const string CompletionId = "chatcmpl-fake0001";

    public static FakeReply Completion(string text = "Paris.", FakeOpenAIUsage? usage = null, string finishReason = "stop") =>
        Choices([text], usage, finishReason);

    /// <summary>One reply with one choice per text (what <c>n</c> &gt; 1 returns).</summary>
    public static FakeReply Choices(IReadOnlyList<string> texts, FakeOpenAIUsage? usage = null, string finishReason = "stop")
    {
        var choices = new JsonArray();
        for (var i = 0; i < texts.Count; i++)
        {
            choices.Add(Choice(i, new JsonObject { ["role"] = "assistant", ["content"] = texts[i], ["refusal"] = null }, finishReason));
        }

        return FakeReply.Json(Envelope(choices, usage ?? new FakeOpenAIUsage()).ToJsonString());
    }

    /// <summary>A reply that is only tool calls, with no text.</summary>
    public static FakeReply ToolCalls(params (string Name, string Arguments)[] calls)
    {
        var toolCalls = new JsonArray();
        for (var i = 0; i < calls.Length; i++)
        {
            toolCalls.Add(new JsonObject
            {
                ["id"] = $"call_fake{i + 1}",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = calls[i].Name, ["arguments"] = calls[i].Arguments },
            });
        }

        var message = new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = toolCalls, ["refusal"] = null };
        return FakeReply.Json(Envelope([Choice(0, message, "tool_calls")], new FakeOpenAIUsage()).ToJsonString());
    }

    public static FakeReply Refusal(string refusal = "I'm sorry, I can't help with that.")
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = null, ["refusal"] = refusal };
        return FakeReply.Json(Envelope([Choice(0, message, "stop")], new FakeOpenAIUsage()).ToJsonString());
    }

    /// <summary>A streamed reply: a role chunk, one chunk per text piece, a finish chunk, then the usage chunk.</summary>
    public static FakeReply Stream(IReadOnlyList<string> pieces, FakeOpenAIUsage? usage = null, bool includeUsage = true)
    {
        var events = new List<string> { Chunk(new JsonObject { ["role"] = "assistant", ["content"] = string.Empty }, null) };
        foreach (var piece in pieces)
        {
            events.Add(Chunk(new JsonObject { ["content"] = piece }, null));
        }

        events.Add(Chunk(new JsonObject(), "stop"));
        if (includeUsage)
        {
            var last = ChunkEnvelope(new JsonArray());
            last["usage"] = Usage(usage ?? new FakeOpenAIUsage());
            events.Add(last.ToJsonString());
        }

        return FakeReply.Stream(events);
    }

    /// <summary>A streamed reply whose only content is one tool call, sent in two argument pieces.</summary>
    public static FakeReply StreamToolCall(string name, string arguments)
    {
        var half = arguments.Length / 2;
        var start = new JsonObject
        {
            ["index"] = 0,
            ["id"] = "call_fake1",
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = name, ["arguments"] = string.Empty },
        };
        var events = new List<string>
        {
            Chunk(new JsonObject { ["role"] = "assistant", ["content"] = null, ["tool_calls"] = new JsonArray(start) }, null),
            Chunk(new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = arguments[..half] } }) }, null),
            Chunk(new JsonObject { ["tool_calls"] = new JsonArray(new JsonObject { ["index"] = 0, ["function"] = new JsonObject { ["arguments"] = arguments[half..] } }) }, null),
            Chunk(new JsonObject(), "tool_calls"),
        };
        var last = ChunkEnvelope(new JsonArray());
        last["usage"] = Usage(new FakeOpenAIUsage());
        events.Add(last.ToJsonString());
        return FakeReply.Stream(events);
    }

    /// <summary>An error reply in the service's shape: <c>{"error":{"message","type","param","code"}}</c>.</summary>
    public static FakeReply Error(int status, string message = "The service failed.", string type = "api_error", string? code = null) =>
        FakeReply.Status(status, ErrorBody(message, type, code));

    /// <summary>An error whose message repeats the request's <c>Authorization</c> header, as a careless proxy might.</summary>
    public static FakeReply EchoAuthorization(int status = 401) => FakeReply.Status(status, request =>
        ErrorBody($"Incorrect API key provided: {request.Authorization}. Your key was {request.Authorization?.Replace("Bearer ", string.Empty, StringComparison.Ordinal)}.", "invalid_request_error", "invalid_api_key"));

    public static string ErrorBody(string message, string type, string? code) => new JsonObject
    {
        ["error"] = new JsonObject { ["message"] = message, ["type"] = type, ["param"] = null, ["code"] = code },
    }.ToJsonString();

    private static JsonObject Choice(int index, JsonObject message, string finishReason) => new()
    {
        ["index"] = index,
        ["message"] = message,
        ["logprobs"] = null,
        ["finish_reason"] = finishReason,
    };

    private static JsonObject Envelope(JsonArray choices, FakeOpenAIUsage usage) => new()
    {
        ["id"] = CompletionId,
        ["object"] = "chat.completion",
        ["created"] = 1733340000,
        ["model"] = Model,
        ["choices"] = choices,
        ["usage"] = Usage(usage),
        ["system_fingerprint"] = "fp_fake",
    };

    private static JsonObject Usage(FakeOpenAIUsage usage) => new()
    {
        ["prompt_tokens"] = usage.Prompt,
        ["completion_tokens"] = usage.Completion,
        ["total_tokens"] = usage.Total,
        ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = usage.Cached, ["audio_tokens"] = 0 },
        ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = usage.Reasoning, ["audio_tokens"] = 0, ["accepted_prediction_tokens"] = 0, ["rejected_prediction_tokens"] = 0 },
    };

    private static string Chunk(JsonObject delta, string? finishReason) =>
        ChunkEnvelope(new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = delta, ["logprobs"] = null, ["finish_reason"] = finishReason })).ToJsonString();

    private static JsonObject ChunkEnvelope(JsonArray choices) => new()
    {
        ["id"] = CompletionId,
        ["object"] = "chat.completion.chunk",
        ["created"] = 1733340000,
        ["model"] = Model,
        ["system_fingerprint"] = "fp_fake",
        ["choices"] = choices,
    };
}
