using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// An in-process HTTP handler that answers every request with the same chat completion, as JSON or as a
/// server-sent-event stream of <see cref="Payloads.StreamChunks"/> chunks: no sockets, no server.
/// </summary>
internal sealed class CannedOpenAIHandler : HttpMessageHandler
{
    private static readonly MediaTypeHeaderValue JsonType = new("application/json");
    private static readonly MediaTypeHeaderValue EventStreamType = new("text/event-stream");
    private static readonly byte[] CompletionBody = CreateCompletionBody();
    private static readonly byte[] StreamBody = CreateStreamBody();

    private readonly bool _streaming;

    public CannedOpenAIHandler(bool streaming)
    {
        _streaming = streaming;
    }

    public static readonly Uri Endpoint = new("http://openai.invalid/v1");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(_streaming ? StreamBody : CompletionBody);
        content.Headers.ContentType = _streaming ? EventStreamType : JsonType;
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request };
        response.Headers.Add("x-request-id", "req_bench");
        return Task.FromResult(response);
    }

    private static byte[] CreateCompletionBody()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteHeader(writer, "chat.completion");
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("message");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", Payloads.CompletionText);
            writer.WriteNull("refusal");
            writer.WriteEndObject();
            writer.WriteNull("logprobs");
            writer.WriteString("finish_reason", "stop");
            writer.WriteEndObject();
            writer.WriteEndArray();
            WriteUsage(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static byte[] CreateStreamBody()
    {
        var text = new StringBuilder();
        var size = Payloads.CompletionLength / Payloads.StreamChunks;
        for (var i = 0; i < Payloads.StreamChunks; i++)
        {
            var last = i == Payloads.StreamChunks - 1;
            text.Append("data: ").Append(Chunk(Payloads.CompletionText.Substring(i * size, size), last)).Append("\n\n");
        }

        text.Append("data: ").Append(UsageChunk()).Append("\n\n");
        text.Append("data: [DONE]\n\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Chunk(string delta, bool last)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteHeader(writer, "chat.completion.chunk");
            writer.WriteStartArray("choices");
            writer.WriteStartObject();
            writer.WriteNumber("index", 0);
            writer.WriteStartObject("delta");
            writer.WriteString("role", "assistant");
            writer.WriteString("content", delta);
            writer.WriteEndObject();
            writer.WriteNull("logprobs");
            if (last)
            {
                writer.WriteString("finish_reason", "stop");
            }
            else
            {
                writer.WriteNull("finish_reason");
            }

            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string UsageChunk()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            WriteHeader(writer, "chat.completion.chunk");
            writer.WriteStartArray("choices");
            writer.WriteEndArray();
            WriteUsage(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteHeader(Utf8JsonWriter writer, string objectType)
    {
        writer.WriteString("id", Payloads.Response.ResponseId);
        writer.WriteString("object", objectType);
        writer.WriteNumber("created", 1796414400);
        writer.WriteString("model", Payloads.Model);
        writer.WriteString("system_fingerprint", "fp_0ba0d124f1");
    }

    private static void WriteUsage(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("usage");
        writer.WriteNumber("prompt_tokens", Payloads.PromptTokens);
        writer.WriteNumber("completion_tokens", Payloads.CompletionTokens);
        writer.WriteNumber("total_tokens", Payloads.PromptTokens + Payloads.CompletionTokens);
        writer.WriteStartObject("prompt_tokens_details");
        writer.WriteNumber("cached_tokens", 0);
        writer.WriteEndObject();
        writer.WriteStartObject("completion_tokens_details");
        writer.WriteNumber("reasoning_tokens", 0);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
