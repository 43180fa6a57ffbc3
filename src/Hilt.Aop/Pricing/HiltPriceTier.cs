namespace Hilt.Aop;

/// <summary>A price that replaces a model's default price under a condition: a service tier, a long prompt, or both.</summary>
/// <remarks>
/// Prices are US dollars per million tokens. A missing cached or cache-write price means those tokens are
/// billed at this tier's input price. Instances are immutable and safe to share between threads.
/// </remarks>
public sealed class HiltPriceTier
{
    /// <summary>The <see cref="Parameter"/> value that <see cref="HiltPriceTable"/> matches against a call's service tier.</summary>
    public const string ServiceTierParameter = "service_tier";

    private readonly IReadOnlyList<string> _parameterValues = [];

    /// <summary>Initializes a new instance of the <see cref="HiltPriceTier"/> class.</summary>
    /// <param name="name">A name for people, such as <c>Fast mode</c> or <c>Large Context</c>.</param>
    /// <param name="inputUsdPerMillion">The price of uncached input tokens, in USD per million.</param>
    /// <param name="outputUsdPerMillion">The price of output tokens (reasoning included), in USD per million.</param>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A price is negative.</exception>
    public HiltPriceTier(string name, decimal inputUsdPerMillion, decimal outputUsdPerMillion)
    {
        Name = Throw.IfNull(name);
        InputUsdPerMillion = Throw.IfLessThan(inputUsdPerMillion, 0m);
        OutputUsdPerMillion = Throw.IfLessThan(outputUsdPerMillion, 0m);
    }

    /// <summary>Gets the tier's name.</summary>
    public string Name { get; }

    /// <summary>Gets the price of uncached input tokens, in USD per million.</summary>
    public decimal InputUsdPerMillion { get; }

    /// <summary>Gets the price of output tokens, in USD per million.</summary>
    public decimal OutputUsdPerMillion { get; }

    /// <summary>Gets the price of input tokens read from cache, in USD per million.</summary>
    /// <value>The default value is <see langword="null"/>: cached tokens cost <see cref="InputUsdPerMillion"/>.</value>
    public decimal? CachedInputUsdPerMillion { get; init; }

    /// <summary>Gets the price of input tokens written to cache, in USD per million.</summary>
    /// <value>The default value is <see langword="null"/>: cache writes cost <see cref="InputUsdPerMillion"/>.</value>
    public decimal? CacheWriteUsdPerMillion { get; init; }

    /// <summary>Gets the request parameter the tier depends on, such as <c>service_tier</c> or <c>speed</c>.</summary>
    /// <value>
    /// The default value is <see langword="null"/>: no parameter condition. Only <see cref="ServiceTierParameter"/>
    /// is matched when a call is priced; tiers on other parameters are kept for reference and never selected.
    /// </value>
    public string? Parameter { get; init; }

    /// <summary>Gets the values of <see cref="Parameter"/> that select this tier, compared case-insensitively.</summary>
    public IReadOnlyList<string> ParameterValues { get => _parameterValues; init => _parameterValues = [.. Throw.IfNull(value)]; }

    /// <summary>Gets the prompt size above which this tier applies (a long-context tier).</summary>
    /// <value>The default value is <see langword="null"/>: no prompt-size condition.</value>
    public long? PromptTokensAbove { get; init; }

    /// <summary>Gets the number of conditions that select this tier; the most specific matching tier wins.</summary>
    internal int Specificity => (Parameter is null ? 0 : 1) + (PromptTokensAbove is null ? 0 : 1);

    internal bool Applies(long promptTokens, string? serviceTier)
    {
        if (Specificity == 0)
        {
            return false;
        }

        if (PromptTokensAbove is long threshold && promptTokens <= threshold)
        {
            return false;
        }

        if (Parameter is null)
        {
            return true;
        }

        if (serviceTier is null || !string.Equals(Parameter, ServiceTierParameter, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        foreach (var value in _parameterValues)
        {
            if (string.Equals(value, serviceTier, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
