namespace Hilt.Aop;

/// <summary>The measured side of a HILT event: tokens, cost and latency.</summary>
/// <remarks>Instances are immutable and safe to share between threads.</remarks>
public sealed class HiltMetrics
{
    private readonly IReadOnlyDictionary<string, object?>? _extra;

    /// <summary>Gets the token counts, if known.</summary>
    public HiltTokens? Tokens { get; init; }

    /// <summary>Gets the cost in US dollars, exact, if the model's price is known.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>Gets the latency in milliseconds, if measured.</summary>
    public long? LatencyMs { get; init; }

    /// <summary>Gets extra metric keys, if any.</summary>
    public IReadOnlyDictionary<string, object?>? Extra { get => _extra; init => _extra = FreeForm.Snapshot(value); }
}
