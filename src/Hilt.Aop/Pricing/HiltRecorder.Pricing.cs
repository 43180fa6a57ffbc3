namespace Hilt.Aop;

/// <content>Pricing of calls: filled in by the price table feature.</content>
public sealed partial class HiltRecorder
{
    /// <summary>Prices one call.</summary>
    /// <param name="model">The model the provider answered with, else the requested one.</param>
    /// <param name="provider">The provider, for per-provider token rules.</param>
    /// <param name="tokens">The normalised token counts.</param>
    /// <returns>The cost, or <see langword="null"/> with the reason to write as <c>cost_status</c>.</returns>
    internal (decimal? CostUsd, string? CostStatus) PriceCall(string? model, string? provider, HiltTokens? tokens) => (null, null);
}
