namespace Hilt.Aop;

/// <summary>Turns providers' token counts into the one meaning <see cref="HiltTokens"/> has in every event.</summary>
/// <remarks>
/// The convention: <see cref="HiltTokens.Prompt"/> counts all input tokens, cached ones included;
/// <see cref="HiltTokens.Cached"/> is the part read from cache; <see cref="HiltTokens.CacheWrite"/> the part
/// written to cache; <see cref="HiltTokens.Completion"/> includes <see cref="HiltTokens.Reasoning"/>.
/// OpenAI and Google already report this way (their cached tokens are inside the input count). Anthropic
/// does not: its <c>input_tokens</c> leaves out <c>cache_read_input_tokens</c> and
/// <c>cache_creation_input_tokens</c>. Adapters call the matching method here so events always mean the
/// same thing and cached tokens are never billed twice.
/// </remarks>
internal static class ProviderTokens
{
    /// <summary>Counts from a provider whose input count already includes cached tokens (OpenAI, Google).</summary>
    public static HiltTokens FromInclusive(long? inputTokens, long? outputTokens, long? totalTokens = null, long? cachedTokens = null, long? reasoningTokens = null) => new()
    {
        Prompt = inputTokens,
        Completion = outputTokens,
        Total = totalTokens ?? Sum(inputTokens, outputTokens),
        Cached = cachedTokens,
        Reasoning = reasoningTokens,
    };

    /// <summary>Counts from Anthropic, whose <c>input_tokens</c> excludes cache reads and cache writes.</summary>
    /// <param name="inputTokens"><c>usage.input_tokens</c>: input tokens neither read from nor written to cache.</param>
    /// <param name="outputTokens"><c>usage.output_tokens</c>.</param>
    /// <param name="cacheReadInputTokens"><c>usage.cache_read_input_tokens</c>.</param>
    /// <param name="cacheCreationInputTokens"><c>usage.cache_creation_input_tokens</c>.</param>
    public static HiltTokens FromAnthropic(long? inputTokens, long? outputTokens, long? cacheReadInputTokens, long? cacheCreationInputTokens)
    {
        var prompt = inputTokens is null && cacheReadInputTokens is null && cacheCreationInputTokens is null
            ? (long?)null
            : (inputTokens ?? 0) + (cacheReadInputTokens ?? 0) + (cacheCreationInputTokens ?? 0);
        return new HiltTokens
        {
            Prompt = prompt,
            Completion = outputTokens,
            Total = Sum(prompt, outputTokens),
            Cached = cacheReadInputTokens,
            CacheWrite = cacheCreationInputTokens,
        };
    }

    private static long? Sum(long? a, long? b) => a is null && b is null ? null : (a ?? 0) + (b ?? 0);
}
