using System.Text.Json.Nodes;

namespace Hilt.Aop.Testing;

/// <summary>Builds the replies of the Anthropic Messages API, as the service sends them.</summary>
public static class FakeAnthropicReplies
{
    public const string Model = "claude-3-5-haiku-20241022";

    public const string MessageId = "msg_fake0001";

    public static FakeReply Message(string text = "Paris.", int input = 21, int output = 9, int cacheRead = 5, int cacheWrite = 3) =>
        FakeReply.Json(new JsonObject
        {
            ["id"] = MessageId,
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = Model,
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            ["stop_reason"] = "end_turn",
            ["stop_sequence"] = null,
            ["usage"] = Usage(input, output, cacheRead, cacheWrite),
        }.ToJsonString());

    /// <summary>A streamed message: start, one text delta per piece, stop, with usage in the start and delta events.</summary>
    public static FakeReply Stream(IReadOnlyList<string> pieces, int input = 21, int output = 9)
    {
        var names = new List<string>();
        var events = new List<string>();
        void Add(string name, JsonObject data)
        {
            data["type"] = name;
            names.Add(name);
            events.Add(data.ToJsonString());
        }

        Add("message_start", new JsonObject
        {
            ["message"] = new JsonObject
            {
                ["id"] = MessageId, ["type"] = "message", ["role"] = "assistant", ["model"] = Model,
                ["content"] = new JsonArray(), ["stop_reason"] = null, ["stop_sequence"] = null,
                ["usage"] = Usage(input, 1, 0, 0),
            },
        });
        Add("content_block_start", new JsonObject { ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = string.Empty } });
        foreach (var piece in pieces)
        {
            Add("content_block_delta", new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = piece } });
        }

        Add("content_block_stop", new JsonObject { ["index"] = 0 });
        Add("message_delta", new JsonObject
        {
            ["delta"] = new JsonObject { ["stop_reason"] = "end_turn", ["stop_sequence"] = null },
            ["usage"] = new JsonObject { ["output_tokens"] = output },
        });
        Add("message_stop", new JsonObject());
        return FakeReply.Stream(events, names, done: false);
    }

    public static FakeReply Error(int status, string message = "Overloaded", string type = "api_error") =>
        FakeReply.Status(status, new JsonObject
        {
            ["type"] = "error",
            ["error"] = new JsonObject { ["type"] = type, ["message"] = message },
        }.ToJsonString());

    private static JsonObject Usage(int input, int output, int cacheRead, int cacheWrite) => new()
    {
        ["input_tokens"] = input,
        ["output_tokens"] = output,
        ["cache_read_input_tokens"] = cacheRead,
        ["cache_creation_input_tokens"] = cacheWrite,
    };
}
