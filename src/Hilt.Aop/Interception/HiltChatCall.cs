using System.Text;

namespace Hilt.Aop;

/// <summary>
/// One observed chat call, from its prompt to its completion or error: the single place where chat events are built.
/// Used by the interceptor, by the <c>IChatClient</c> middleware and by SDK drop-in clients.
/// </summary>
/// <remarks>
/// <see cref="Start"/> writes the prompt and returns the call, or <see langword="null"/> when nothing is to be logged
/// (logging off, or Hilt failed reading the request). Then exactly one of <see cref="Complete(object?)"/>,
/// <see cref="Fail(Exception)"/>, or, for a stream, the <see cref="IHiltStreamObserver"/> methods ends it. Every member catches
/// its own failures and reports them to the diagnostics; none throws.
/// </remarks>
internal sealed class HiltChatCall : IHiltStreamObserver
{
    private readonly HiltRecorder _recorder;
    private readonly HiltChatCallBinding _binding;
    private readonly HiltCallContext _context;
    private readonly HiltChatRequest _request;
    private readonly ConversationState _conversation;
    private readonly string _promptEventId;
    private readonly long _startTimestamp;
    private readonly bool _streaming;
    private readonly object _sync = new();
    private StreamState? _stream;
    private int _ended;

    private HiltChatCall(HiltRecorder recorder, HiltChatCallBinding binding, HiltCallContext context, HiltChatRequest request, ConversationState conversation, string promptEventId, long startTimestamp, bool streaming)
    {
        _recorder = recorder;
        _binding = binding;
        _context = context;
        _request = request;
        _conversation = conversation;
        _promptEventId = promptEventId;
        _startTimestamp = startTimestamp;
        _streaming = streaming;
    }

    /// <summary>Gets the conversation id of the call.</summary>
    public string ConversationId => _conversation.Id;

    /// <summary>Gets the event id of the prompt.</summary>
    public string PromptEventId => _promptEventId;

    /// <summary>Gets the caller's cancellation token, as the request gave it.</summary>
    public CancellationToken CancellationToken => _request.CancellationToken;

    /// <summary>Reads the request, writes the prompt, and starts the clock.</summary>
    /// <param name="recorder">The recorder.</param>
    /// <param name="binding">How to read the call.</param>
    /// <param name="target">The object the call goes to.</param>
    /// <param name="arguments">The call's arguments.</param>
    /// <param name="context">The call's session, or <see langword="null"/> to take the ambient one.</param>
    /// <returns>The call, or <see langword="null"/> when it is not logged.</returns>
    public static HiltChatCall? Start(HiltRecorder recorder, HiltChatCallBinding binding, object? target, object?[] arguments, HiltCallContext? context = null)
    {
        try
        {
            context ??= HiltCallContext.Resolve(recorder);
            if (!context.LoggingEnabled)
            {
                return null;
            }

            var request = binding.ReadRequest(target, arguments);
            var now = recorder.TimeProvider.GetUtcNow();
            var promptId = HiltEventIds.NewId(now);

            ConversationState conversation;
            string? replyTo = null;
            var key = request.ConversationKey ?? context.Session.ConversationKey;
            if (key is not null)
            {
                conversation = context.Threads.ForKey(key);
                replyTo = conversation.LastCompletionId;
            }
            else if (request.HistoryFingerprint is { } fingerprint)
            {
                (conversation, var continues) = context.Threads.ForHistory(fingerprint, request.MessageCount, context.Session);
                replyTo = continues ? conversation.LastCompletionId : null;
            }
            else
            {
                conversation = context.Threads.ForOneShot(promptId);
            }

            var streaming = binding.IsStreaming;
            var call = new HiltChatCall(recorder, binding, context, request, conversation, promptId, recorder.TimeProvider.GetTimestamp(), streaming);
            call.EmitPrompt(now, replyTo);
            return call;
        }
        catch (Exception ex)
        {
            recorder.Diagnostics.InternalError(binding.GetType().Name, ex);
            return null;
        }
    }

    /// <summary>Ends the call with the value it returned.</summary>
    /// <param name="result">The awaited result.</param>
    public void Complete(object? result)
    {
        if (!TryEnd())
        {
            return;
        }

        var elapsed = _recorder.TimeProvider.GetElapsedTime(_startTimestamp);
        try
        {
            EmitCompletion(_binding.ReadResponse(result), elapsed, ttft: null, partial: false);
        }
        catch (Exception ex)
        {
            _recorder.Diagnostics.InternalError(_binding.GetType().Name, ex);
        }
    }

    /// <summary>Ends the call with a reply read elsewhere.</summary>
    /// <param name="response">The reply.</param>
    public void Complete(HiltChatResponse? response)
    {
        if (!TryEnd())
        {
            return;
        }

        var elapsed = _recorder.TimeProvider.GetElapsedTime(_startTimestamp);
        try
        {
            EmitCompletion(response, elapsed, ttft: null, partial: false);
        }
        catch (Exception ex)
        {
            _recorder.Diagnostics.InternalError(nameof(HiltChatCall), ex);
        }
    }

    /// <summary>Ends the call with the exception the caller receives.</summary>
    /// <param name="exception">The exception.</param>
    public void Fail(Exception exception) => Fail(exception, retries: null);

    /// <summary>Ends the call with the exception the caller receives, after the client retried it.</summary>
    /// <param name="exception">The exception.</param>
    /// <param name="retries">How many times the client retried before giving up, where its pipeline tells.</param>
    public void Fail(Exception exception, int? retries)
    {
        if (!TryEnd())
        {
            return;
        }

        var elapsed = _recorder.TimeProvider.GetElapsedTime(_startTimestamp);
        try
        {
            EmitError(exception, elapsed, retries);
        }
        catch (Exception ex)
        {
            _recorder.Diagnostics.InternalError(nameof(HiltChatCall), ex);
        }
    }

    /// <inheritdoc />
    public void OnItem(object? item)
    {
        if (Volatile.Read(ref _ended) != 0)
        {
            return;
        }

        try
        {
            var update = _binding.ReadStreamItem(item);
            int index;
            lock (_sync)
            {
                _stream ??= new StreamState(_recorder.TimeProvider.GetElapsedTime(_startTimestamp));
                index = ++_stream.Items;
                if (update is not null)
                {
                    _stream.Add(update);
                }
            }

            if (_recorder.Options.LogStreamingChunks && update?.TextDelta is { Length: > 0 } delta)
            {
                EmitChunk(delta, index);
            }
        }
        catch (Exception ex)
        {
            _recorder.Diagnostics.InternalError(_binding.GetType().Name, ex);
        }
    }

    /// <inheritdoc />
    public void OnCompleted() => EndStream(partial: false);

    /// <inheritdoc />
    public void OnFailed(Exception exception) => Fail(exception);

    /// <inheritdoc />
    public void OnAbandoned() => EndStream(partial: true);

    private void EndStream(bool partial)
    {
        if (!TryEnd())
        {
            return;
        }

        var elapsed = _recorder.TimeProvider.GetElapsedTime(_startTimestamp);
        try
        {
            HiltChatResponse response;
            TimeSpan? ttft;
            lock (_sync)
            {
                response = _stream?.ToResponse() ?? new HiltChatResponse();
                ttft = _stream?.FirstItem;
            }

            EmitCompletion(response, elapsed, ttft, partial);
        }
        catch (Exception ex)
        {
            _recorder.Diagnostics.InternalError(nameof(HiltChatCall), ex);
        }
    }

    private bool TryEnd() => Interlocked.Exchange(ref _ended, 1) == 0;

    private void EmitPrompt(DateTimeOffset now, string? replyTo)
    {
        var session = _context.Session;
        var extensions = NewExtensions();
        AddIf(extensions, HiltExtensionKeys.ReplyTo, replyTo);
        AddIf(extensions, HiltExtensionKeys.RequestModel, _request.RequestModel);
        AddIf(extensions, HiltExtensionKeys.Provider, _request.Provider);
        if (_streaming)
        {
            extensions[HiltExtensionKeys.Stream] = true;
        }

        var prompt = new HiltEvent(_promptEventId, now, _conversation.Id, new HiltActor(HiltActorTypes.Human, session.User ?? "user"), HiltActions.Prompt)
        {
            Content = _request.PromptText is null && _request.Images is null ? null : new HiltContent(_request.PromptText) { Images = _request.Images },
            Extensions = Freeze(extensions, session),
        };
        _recorder.Emit(prompt, session.Sinks);
    }

    private void EmitChunk(string delta, int index)
    {
        var now = _recorder.TimeProvider.GetUtcNow();
        var session = _context.Session;
        var extensions = NewExtensions();
        extensions[HiltExtensionKeys.ReplyTo] = _promptEventId;
        extensions[HiltExtensionKeys.StreamIndex] = index;
        AddIf(extensions, HiltExtensionKeys.Provider, _request.Provider);
        var chunk = new HiltEvent(HiltEventIds.NewId(now), now, _conversation.Id, new HiltActor(HiltActorTypes.Agent, Provider(null)), HiltActions.CompletionChunk)
        {
            Content = new HiltContent(delta),
            Extensions = Freeze(extensions, session),
        };
        _recorder.Emit(chunk, session.Sinks);
    }

    private void EmitCompletion(HiltChatResponse? response, TimeSpan elapsed, TimeSpan? ttft, bool partial)
    {
        var now = _recorder.TimeProvider.GetUtcNow();
        var session = _context.Session;
        var provider = Provider(response);
        var model = response?.Model ?? _request.RequestModel;
        var tokens = Normalise(response?.Tokens);
        var latency = (long)elapsed.TotalMilliseconds;
        var (cost, costStatus) = _recorder.PriceCall(model, provider, tokens);

        var extensions = NewExtensions();
        extensions[HiltExtensionKeys.ReplyTo] = _promptEventId;
        AddIf(extensions, HiltExtensionKeys.Model, model);
        AddIf(extensions, HiltExtensionKeys.RequestModel, _request.RequestModel);
        extensions[HiltExtensionKeys.LatencyMs] = latency;
        extensions[HiltExtensionKeys.StatusCode] = response?.StatusCode ?? 200;
        extensions[HiltExtensionKeys.Provider] = provider;
        AddIf(extensions, HiltExtensionKeys.FinishReason, response?.FinishReason);
        AddIf(extensions, HiltExtensionKeys.ResponseId, response?.ResponseId);
        if (response?.Retries is { } retries)
        {
            extensions[HiltExtensionKeys.Retries] = retries;
        }

        if (_streaming)
        {
            extensions[HiltExtensionKeys.Stream] = true;
            if (ttft is { } first)
            {
                extensions[HiltExtensionKeys.TtftMs] = (long)first.TotalMilliseconds;
            }

            if (partial)
            {
                extensions[HiltExtensionKeys.Partial] = true;
            }
        }

        AddIf(extensions, HiltExtensionKeys.CostStatus, cost is null ? costStatus : null);

        var completionId = HiltEventIds.NewId(now);
        var agent = new HiltActor(HiltActorTypes.Agent, provider);
        var completion = new HiltEvent(completionId, now, _conversation.Id, agent, HiltActions.Completion)
        {
            Content = response?.Text is null ? null : new HiltContent(response.Text),
            Metrics = new HiltMetrics { Tokens = tokens, CostUsd = cost, LatencyMs = latency },
            Extensions = Freeze(extensions, session),
        };
        _recorder.Emit(completion, session.Sinks);
        _conversation.Completed(completionId);

        if (response?.ToolCalls is { Count: > 0 } toolCalls)
        {
            foreach (var toolCall in toolCalls)
            {
                _recorder.Emit(BuildToolCall(toolCall, completionId, agent, model, provider, session, now), session.Sinks);
            }
        }
    }

    private HiltEvent BuildToolCall(HiltToolCall toolCall, string completionId, HiltActor agent, string? model, string provider, HiltSession session, DateTimeOffset now)
    {
        var extensions = NewExtensions();
        extensions[HiltExtensionKeys.ReplyTo] = completionId;
        AddIf(extensions, HiltExtensionKeys.Model, model);
        extensions[HiltExtensionKeys.Provider] = provider;
        var extra = new ExtensionsBuilder();
        AddIf(extra, "arguments", toolCall.Arguments);
        AddIf(extra, "call_id", toolCall.CallId);
        return new HiltEvent(HiltEventIds.NewId(now), now, _conversation.Id, agent, HiltActions.ToolCall)
        {
            Content = new HiltContent(toolCall.Name) { Extra = extra.Count == 0 ? null : extra.ToFrozenMap() },
            Extensions = Freeze(extensions, session),
        };
    }

    private void EmitError(Exception exception, TimeSpan elapsed, int? retries)
    {
        var now = _recorder.TimeProvider.GetUtcNow();
        var session = _context.Session;
        var provider = Provider(null);
        var (status, code) = _binding.ClassifyError(exception, _request.CancellationToken) ?? _recorder.ErrorClassifier.Classify(exception, _request.CancellationToken);
        var latency = (long)elapsed.TotalMilliseconds;

        var extensions = NewExtensions();
        extensions[HiltExtensionKeys.ReplyTo] = _promptEventId;
        AddIf(extensions, HiltExtensionKeys.Model, _request.RequestModel);
        extensions[HiltExtensionKeys.LatencyMs] = latency;
        extensions[HiltExtensionKeys.StatusCode] = status;
        extensions[HiltExtensionKeys.ErrorCode] = code;
        extensions[HiltExtensionKeys.ErrorType] = exception.GetType().FullName ?? exception.GetType().Name;
        extensions[HiltExtensionKeys.Provider] = provider;
        if (retries is { } count)
        {
            extensions[HiltExtensionKeys.Retries] = count;
        }

        if (_streaming)
        {
            extensions[HiltExtensionKeys.Stream] = true;
        }

        var error = new HiltEvent(HiltEventIds.NewId(now), now, _conversation.Id, new HiltActor(HiltActorTypes.System, provider), HiltActions.System)
        {
            Content = new HiltContent("Error: " + exception.Message),
            Metrics = new HiltMetrics { LatencyMs = latency },
            Extensions = Freeze(extensions, session),
        };
        _recorder.Emit(error, session.Sinks);
    }

    private string Provider(HiltChatResponse? response) => response?.Provider ?? _request.Provider ?? "unknown";

    private static HiltTokens? Normalise(HiltTokens? tokens)
    {
        if (tokens is null || tokens.Total is not null || (tokens.Prompt is null && tokens.Completion is null))
        {
            return tokens;
        }

        return tokens with { Total = (tokens.Prompt ?? 0) + (tokens.Completion ?? 0) };
    }

    private static ExtensionsBuilder NewExtensions() => new();

    // Session keys go last, after the keys the format's examples list first.
    private static FrozenMap Freeze(ExtensionsBuilder extensions, HiltSession session)
    {
        AddIf(extensions, HiltExtensionKeys.Tenant, session.Tenant);
        AddIf(extensions, HiltExtensionKeys.User, session.User);
        AddIf(extensions, HiltExtensionKeys.Session, session.Name);
        return extensions.ToFrozenMap();
    }

    private static void AddIf(ExtensionsBuilder map, string key, string? value) => map.SetIfNotNull(key, value);

    private sealed class StreamState(TimeSpan firstItem)
    {
        private readonly StringBuilder _text = new();
        private List<HiltToolCall>? _toolCalls;
        private HiltTokens? _tokens;
        private string? _model;
        private string? _finishReason;
        private string? _responseId;
        private int? _statusCode;
        private string? _provider;

        public TimeSpan FirstItem { get; } = firstItem;

        public int Items { get; set; }

        public void Add(HiltStreamUpdate update)
        {
            _text.Append(update.TextDelta);
            _tokens = update.Tokens ?? _tokens;
            _model = update.Model ?? _model;
            _finishReason = update.FinishReason ?? _finishReason;
            _responseId = update.ResponseId ?? _responseId;
            _statusCode = update.StatusCode ?? _statusCode;
            _provider = update.Provider ?? _provider;
            if (update.ToolCalls is { Count: > 0 } parts)
            {
                _toolCalls ??= [];
                foreach (var part in parts)
                {
                    Merge(part);
                }
            }
        }

        public HiltChatResponse ToResponse() => new()
        {
            Text = _text.Length == 0 && _toolCalls is not null ? null : _text.ToString(),
            ToolCalls = _toolCalls,
            Tokens = _tokens,
            Model = _model,
            FinishReason = _finishReason,
            ResponseId = _responseId,
            StatusCode = _statusCode,
            Provider = _provider,
        };

        private void Merge(HiltToolCall part)
        {
            var calls = _toolCalls!;
            for (var i = 0; i < calls.Count; i++)
            {
                var known = calls[i];
                var same = part.Index is not null ? known.Index == part.Index : part.CallId is not null && known.CallId == part.CallId;
                if (same)
                {
                    calls[i] = known with
                    {
                        Name = known.Name ?? part.Name,
                        Arguments = known.Arguments + part.Arguments,
                        CallId = known.CallId ?? part.CallId,
                    };
                    return;
                }
            }

            calls.Add(part);
        }
    }
}
