using Serilog;
using Serilog.Core;
using Serilog.Formatting.Compact;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// The Serilog anchor: the same event's fields logged through a message template to Serilog.Sinks.File with
/// <see cref="CompactJsonFormatter"/>, buffered, no size limit. Serilog's file sink writes on the caller's thread
/// under a lock, so producers contend for it.
/// </summary>
internal sealed class SerilogEventWriter : IDisposable
{
    private const string PromptTemplate = "{Action} {EventId} {SessionId} {ActorType} {ActorId} {Text}";
    private const string CompletionTemplate =
        "{Action} {EventId} {SessionId} {ActorType} {ActorId} {Text} {PromptTokens} {CompletionTokens} {TotalTokens} {CostUsd} {LatencyMs} {ReplyTo} {Model} {StatusCode} {Provider}";

    private readonly Logger _logger;

    public SerilogEventWriter(string path)
    {
        _logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.File(new CompactJsonFormatter(), path, buffered: true, fileSizeLimitBytes: null)
            .CreateLogger();
    }

    public void Write(HiltEvent hiltEvent)
    {
        if (hiltEvent.Metrics is not { } metrics)
        {
            _logger.Information(PromptTemplate, hiltEvent.Action, hiltEvent.EventId, hiltEvent.SessionId, hiltEvent.Actor.Type, hiltEvent.Actor.Id, hiltEvent.Content?.Text);
            return;
        }

        _logger.Information(
            CompletionTemplate,
            hiltEvent.Action,
            hiltEvent.EventId,
            hiltEvent.SessionId,
            hiltEvent.Actor.Type,
            hiltEvent.Actor.Id,
            hiltEvent.Content?.Text,
            metrics.Tokens?.Prompt,
            metrics.Tokens?.Completion,
            metrics.Tokens?.Total,
            metrics.CostUsd,
            metrics.LatencyMs,
            hiltEvent.GetExtension(HiltExtensionKeys.ReplyTo),
            hiltEvent.GetExtension(HiltExtensionKeys.Model),
            hiltEvent.GetExtension(HiltExtensionKeys.StatusCode),
            hiltEvent.GetExtension(HiltExtensionKeys.Provider));
    }

    public void Dispose() => _logger.Dispose();
}
