using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// The throughput floor: one thread serialising the same events with <see cref="Utf8JsonWriter"/> straight into a
/// <see cref="FileStream"/>, no queue, no locks. The fastest this machine writes these bytes.
/// </summary>
internal sealed class FloorJsonWriter : IDisposable
{
    private const string TimestampFormat = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'+00:00'";
    private static readonly byte[] NewLine = [(byte)'\n'];

    private readonly FileStream _stream;
    private readonly Utf8JsonWriter _writer;

    public FloorJsonWriter(string path)
    {
        _stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 64 * 1024);
        _writer = new Utf8JsonWriter(_stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true });
    }

    public void Write(HiltEvent hiltEvent)
    {
        Span<char> timestamp = stackalloc char[32];
        hiltEvent.Timestamp.UtcDateTime.TryFormat(timestamp, out var written, TimestampFormat, CultureInfo.InvariantCulture);

        var writer = _writer;
        writer.WriteStartObject();
        writer.WriteString("event_id", hiltEvent.EventId);
        writer.WriteString("timestamp", timestamp[..written]);
        writer.WriteString("session_id", hiltEvent.SessionId);
        writer.WriteStartObject("actor");
        writer.WriteString("type", hiltEvent.Actor.Type);
        writer.WriteString("id", hiltEvent.Actor.Id);
        writer.WriteEndObject();
        writer.WriteString("action", hiltEvent.Action);
        if (hiltEvent.Content?.Text is { } text)
        {
            writer.WriteStartObject("content");
            writer.WriteString("text", text);
            writer.WriteEndObject();
        }

        if (hiltEvent.Metrics is { } metrics)
        {
            writer.WriteStartObject("metrics");
            if (metrics.Tokens is { } tokens)
            {
                writer.WriteStartObject("tokens");
                WriteNumber(writer, "prompt", tokens.Prompt);
                WriteNumber(writer, "completion", tokens.Completion);
                WriteNumber(writer, "total", tokens.Total);
                writer.WriteEndObject();
            }

            if (metrics.CostUsd is { } cost)
            {
                writer.WriteNumber("cost_usd", cost);
            }

            WriteNumber(writer, "latency_ms", metrics.LatencyMs);
            writer.WriteEndObject();
        }

        if (hiltEvent.Extensions is { } extensions)
        {
            writer.WriteStartObject("extensions");
            foreach (var pair in extensions)
            {
                switch (pair.Value)
                {
                    case string s:
                        writer.WriteString(pair.Key, s);
                        break;
                    case long l:
                        writer.WriteNumber(pair.Key, l);
                        break;
                    case int n:
                        writer.WriteNumber(pair.Key, n);
                        break;
                    default:
                        writer.WriteString(pair.Key, Convert.ToString(pair.Value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.Flush();
        _stream.Write(NewLine);
        writer.Reset();
    }

    public void Dispose()
    {
        _writer.Dispose();
        _stream.Dispose();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
    }
}
