namespace Hilt.Aop.Benchmarks;

/// <summary>Builds the events of one call the way the interceptor does: a prompt, then a completion that answers it.</summary>
internal static class EventFactory
{
    public const string SessionId = "conv_9d6ded566067";

    private static readonly HiltActor Human = new(HiltActorTypes.Human, "user");
    private static readonly HiltActor Agent = new(HiltActorTypes.Agent, Payloads.Provider);
    private static readonly HiltTokens Tokens = new()
    {
        Prompt = Payloads.PromptTokens,
        Completion = Payloads.CompletionTokens,
        Total = Payloads.PromptTokens + Payloads.CompletionTokens,
    };

    /// <summary>Builds a prompt event; <paramref name="text"/> defaults to the shared 300-character prompt.</summary>
    public static HiltEvent Prompt(TimeProvider clock, string? text = null)
    {
        var now = clock.GetUtcNow();
        return new HiltEvent(HiltEventIds.NewId(now), now, SessionId, Human, HiltActions.Prompt)
        {
            Content = new HiltContent(text ?? Payloads.PromptText),
        };
    }

    /// <summary>Builds a completion event; <paramref name="text"/> defaults to the shared 600-character reply.</summary>
    public static HiltEvent Completion(TimeProvider clock, string replyTo, long latencyMs, string? text = null)
    {
        var now = clock.GetUtcNow();
        var extensions = new Dictionary<string, object?>(5, StringComparer.Ordinal)
        {
            [HiltExtensionKeys.ReplyTo] = replyTo,
            [HiltExtensionKeys.Model] = Payloads.Model,
            [HiltExtensionKeys.LatencyMs] = latencyMs,
            [HiltExtensionKeys.StatusCode] = 200,
            [HiltExtensionKeys.Provider] = Payloads.Provider,
        };
        return new HiltEvent(HiltEventIds.NewId(now), now, SessionId, Agent, HiltActions.Completion)
        {
            Content = new HiltContent(text ?? Payloads.CompletionText),
            Metrics = new HiltMetrics { Tokens = Tokens, CostUsd = Payloads.CostUsd, LatencyMs = latencyMs },
            Extensions = new FrozenMap(extensions),
        };
    }

    /// <summary>Emits <paramref name="count"/> events (prompt, completion, prompt, ...) into <paramref name="emit"/>.</summary>
    public static void Produce(int count, TimeProvider clock, Action<HiltEvent> emit)
    {
        var replyTo = string.Empty;
        for (var i = 0; i < count; i++)
        {
            if ((i & 1) == 0)
            {
                var prompt = Prompt(clock);
                replyTo = prompt.EventId;
                emit(prompt);
            }
            else
            {
                emit(Completion(clock, replyTo, 800 + (i & 127)));
            }
        }
    }
}
