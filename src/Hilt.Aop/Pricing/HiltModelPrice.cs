namespace Hilt.Aop;

/// <summary>The price of one model: a row of a <see cref="HiltPriceTable"/>.</summary>
/// <remarks>
/// <para>
/// Prices are US dollars per million tokens, kept as <see cref="decimal"/> so costs are exact. A missing
/// cached or cache-write price means those tokens are billed at the input price.
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class HiltModelPrice
{
    private const decimal TokensPerUnit = 1_000_000m;

    private readonly IReadOnlyList<string> _aliases = [];
    private readonly IReadOnlyList<HiltPriceTier> _tiers = [];

    /// <summary>Initializes a new instance of the <see cref="HiltModelPrice"/> class.</summary>
    /// <param name="model">The model name, as the provider spells it (matched case-insensitively).</param>
    /// <param name="inputUsdPerMillion">The price of uncached input tokens, in USD per million.</param>
    /// <param name="outputUsdPerMillion">The price of output tokens (reasoning included), in USD per million.</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="model"/> is empty or white space.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A price is negative.</exception>
    public HiltModelPrice(string model, decimal inputUsdPerMillion, decimal outputUsdPerMillion)
    {
        Model = Throw.IfNullOrWhiteSpace(model).Trim();
        InputUsdPerMillion = Throw.IfLessThan(inputUsdPerMillion, 0m);
        OutputUsdPerMillion = Throw.IfLessThan(outputUsdPerMillion, 0m);
    }

    /// <summary>Gets the model name.</summary>
    public string Model { get; }

    /// <summary>Gets the price of uncached input tokens, in USD per million.</summary>
    public decimal InputUsdPerMillion { get; }

    /// <summary>Gets the price of output tokens, reasoning included, in USD per million.</summary>
    public decimal OutputUsdPerMillion { get; }

    /// <summary>Gets the price of input tokens read from the provider's cache, in USD per million.</summary>
    /// <value>The default value is <see langword="null"/>: cached tokens cost <see cref="InputUsdPerMillion"/>.</value>
    public decimal? CachedInputUsdPerMillion { get; init; }

    /// <summary>Gets the price of input tokens written to the provider's cache, in USD per million.</summary>
    /// <value>The default value is <see langword="null"/>: cache writes cost <see cref="InputUsdPerMillion"/>.</value>
    public decimal? CacheWriteUsdPerMillion { get; init; }

    /// <summary>Gets the provider: <c>openai</c>, <c>anthropic</c>, <c>google</c>, or another name.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets other exact names of this model (other spellings, cloud-specific ids), matched case-insensitively.</summary>
    public IReadOnlyList<string> Aliases { get => _aliases; init => _aliases = [.. Throw.IfNull(value)]; }

    /// <summary>Gets the prices that replace the default ones under a condition (service tier, long prompt).</summary>
    public IReadOnlyList<HiltPriceTier> Tiers { get => _tiers; init => _tiers = [.. Throw.IfNull(value)]; }

    /// <summary>Gets where the price comes from.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the date the price was taken from its source.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Computes the exact cost of a call.</summary>
    /// <param name="tokens">
    /// The call's tokens, normalised: <see cref="HiltTokens.Prompt"/> counts all input tokens, including
    /// <see cref="HiltTokens.Cached"/> (read from cache) and <see cref="HiltTokens.CacheWrite"/> (written to it).
    /// </param>
    /// <param name="serviceTier">The service tier the call ran in (<c>flex</c>, <c>priority</c>...), if known.</param>
    /// <returns>The cost in US dollars.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Uncached input × input price + cached × cached price + cache writes × cache-write price + output ×
    /// output price. Cached tokens are part of the input count and are not billed twice; reasoning tokens are
    /// part of the output count. A long-context tier applies when the prompt exceeds its threshold.
    /// </remarks>
    public decimal Cost(HiltTokens tokens, string? serviceTier = null)
    {
        Throw.IfNull(tokens);
        var prompt = Math.Max(tokens.Prompt ?? 0, 0);
        var cached = Math.Min(Math.Max(tokens.Cached ?? 0, 0), prompt);
        var written = Math.Min(Math.Max(tokens.CacheWrite ?? 0, 0), prompt - cached);
        var uncached = prompt - cached - written;
        var output = Math.Max(tokens.Completion ?? 0, 0);

        decimal input, cachedInput, cacheWrite, outputPrice;
        if (SelectTier(prompt, serviceTier) is { } tier)
        {
            input = tier.InputUsdPerMillion;
            cachedInput = tier.CachedInputUsdPerMillion ?? input;
            cacheWrite = tier.CacheWriteUsdPerMillion ?? input;
            outputPrice = tier.OutputUsdPerMillion;
        }
        else
        {
            input = InputUsdPerMillion;
            cachedInput = CachedInputUsdPerMillion ?? input;
            cacheWrite = CacheWriteUsdPerMillion ?? input;
            outputPrice = OutputUsdPerMillion;
        }

        var perMillion = (uncached * input) + (cached * cachedInput) + (written * cacheWrite) + (output * outputPrice);
        return Normalize(perMillion / TokensPerUnit);
    }

    /// <summary>Picks the tier that applies to a call: the matching tier with the most conditions, else none.</summary>
    /// <param name="promptTokens">All input tokens of the call.</param>
    /// <param name="serviceTier">The call's service tier, if known.</param>
    /// <returns>The tier, or <see langword="null"/> for the default prices.</returns>
    public HiltPriceTier? SelectTier(long promptTokens, string? serviceTier)
    {
        HiltPriceTier? best = null;
        foreach (var tier in _tiers)
        {
            if (tier.Applies(promptTokens, serviceTier) && (best is null || tier.Specificity > best.Specificity))
            {
                best = tier;
            }
        }

        return best;
    }

    // Drops trailing zeros (0.000420000 → 0.00042) so the value prints the way a person writes it.
    private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
