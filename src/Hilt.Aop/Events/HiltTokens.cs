namespace Hilt.Aop;

/// <summary>Token counts of one model call.</summary>
/// <remarks>
/// <see cref="Prompt"/> counts every input token, including the ones read from cache;
/// <see cref="Cached"/> is the part of them that was read from cache. <see cref="Reasoning"/> is part of
/// <see cref="Completion"/>. Instances are immutable.
/// </remarks>
public sealed record HiltTokens
{
    /// <summary>Gets all input tokens.</summary>
    public long? Prompt { get; init; }

    /// <summary>Gets all output tokens, reasoning included.</summary>
    public long? Completion { get; init; }

    /// <summary>Gets the total reported by the provider, else the sum of input and output.</summary>
    public long? Total { get; init; }

    /// <summary>Gets the input tokens read from the provider's prompt cache.</summary>
    public long? Cached { get; init; }

    /// <summary>Gets the input tokens written to the provider's prompt cache, where it charges for them.</summary>
    public long? CacheWrite { get; init; }

    /// <summary>Gets the output tokens spent on reasoning.</summary>
    public long? Reasoning { get; init; }
}
