using System.Text;
using OpenAI.Chat;

namespace Hilt.Aop.OpenAI;

/// <summary>Joins the updates of a streamed chat completion into one reply.</summary>
/// <remarks>Not thread-safe: a stream is read by one consumer at a time.</remarks>
internal sealed class OpenAIStreamAccumulator
{
    private readonly StringBuilder _text = new();
    private StringBuilder? _refusal;
    private List<ToolCallParts>? _toolCalls;
    private string? _finishReason;
    private string? _model;
    private string? _responseId;
    private HiltTokens? _tokens;

    /// <summary>Gets the number of updates seen.</summary>
    public int Count { get; private set; }

    /// <summary>Gets a value indicating whether the service said why it stopped (the stream was not cut short).</summary>
    public bool Finished => _finishReason is not null;

    public void Add(StreamingChatCompletionUpdate update)
    {
        Count++;
        _model ??= update.Model;
        _responseId ??= update.CompletionId;
        foreach (var part in update.ContentUpdate)
        {
            if (part.Kind == ChatMessageContentPartKind.Text)
            {
                _text.Append(part.Text);
            }
        }

        if (!string.IsNullOrEmpty(update.RefusalUpdate))
        {
            (_refusal ??= new StringBuilder()).Append(update.RefusalUpdate);
        }

        foreach (var call in update.ToolCallUpdates)
        {
            _toolCalls ??= [];
            while (_toolCalls.Count <= call.Index)
            {
                _toolCalls.Add(new ToolCallParts());
            }

            var parts = _toolCalls[call.Index];
            parts.Id ??= call.ToolCallId;
            parts.Name ??= call.FunctionName;
            if (call.FunctionArgumentsUpdate is { } arguments)
            {
                parts.Arguments.Append(arguments.ToString());
            }
        }

        if (update.FinishReason is { } reason)
        {
            _finishReason = OpenAIChatReader.FinishReasonText(reason);
        }

        if (update.Usage is { } usage)
        {
            _tokens = OpenAIChatReader.ReadUsage(usage);
        }
    }

    public OpenAIReply ToReply(int? statusCode) => new()
    {
        Text = _text.Length == 0 ? null : _text.ToString(),
        Refusal = _refusal?.ToString(),
        ToolCalls = _toolCalls is null ? [] : _toolCalls.ConvertAll(p => new OpenAIToolCall(p.Id, p.Name, p.Arguments.ToString())),
        FinishReason = _finishReason,
        Model = _model,
        ResponseId = _responseId,
        Tokens = _tokens,
        StatusCode = statusCode,
    };

    private sealed class ToolCallParts
    {
        public string? Id { get; set; }

        public string? Name { get; set; }

        public StringBuilder Arguments { get; } = new();
    }
}
