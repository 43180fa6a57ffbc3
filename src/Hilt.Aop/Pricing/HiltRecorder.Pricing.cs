namespace Hilt.Aop;

/// <content>Pricing of calls, with the embedded price table and the user's rows from the options.</content>
public sealed partial class HiltRecorder
{
    private ModelPricer? _pricer;

    /// <summary>Gets the price table this recorder uses: the embedded one with <see cref="HiltOptions.ModelPrices"/> on top.</summary>
    internal HiltPriceTable PriceTable => Pricer.Table;

    private ModelPricer Pricer
    {
        get
        {
            var pricer = Volatile.Read(ref _pricer);
            if (pricer is null)
            {
                // Built on first use so start-up does not pay for the table; the rows are immutable, so a
                // race only builds it twice.
                var table = HiltPriceTable.Default.WithPrices([.. Options.ModelPrices]);
                pricer = Interlocked.CompareExchange(ref _pricer, new ModelPricer(table, Diagnostics), null) ?? _pricer!;
            }

            return pricer;
        }
    }

    /// <summary>Prices one call.</summary>
    /// <param name="model">The model the provider answered with, else the requested one.</param>
    /// <param name="provider">The provider; informational (token counts must already be normalised, see <see cref="ProviderTokens"/>).</param>
    /// <param name="tokens">The normalised token counts.</param>
    /// <param name="serviceTier">The service tier the call ran in (<c>flex</c>, <c>priority</c>...), if known.</param>
    /// <returns>
    /// The cost and no status; or no cost and <c>unknown_model</c> (reported once per model name to
    /// <see cref="Diagnostics"/>); or neither when the model is known but there are no token counts.
    /// </returns>
    internal (decimal? CostUsd, string? CostStatus) PriceCall(string? model, string? provider, HiltTokens? tokens, string? serviceTier = null)
    {
        try
        {
            return Pricer.Price(model, tokens, serviceTier);
        }
        catch (Exception ex)
        {
            Diagnostics.InternalError("pricing", ex);
            return (null, null);
        }
    }
}
