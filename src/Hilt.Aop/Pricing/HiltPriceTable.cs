using System.Collections.Frozen;

namespace Hilt.Aop;

/// <summary>Model prices: the table Hilt prices calls with, and the place to look up what it knows.</summary>
/// <remarks>
/// <para>
/// <see cref="Default"/> is the table embedded in the package, built from public list prices (Langfuse's
/// default model price table, cross-checked with LiteLLM's), with a source and an as-of date on every row.
/// Rows without a per-token price (models billed per request or only per audio second) are left out.
/// </para>
/// <para>
/// Names are matched exactly and case-insensitively; a provider prefix (<c>openai/gpt-4o</c>) and a dated
/// snapshot suffix (<c>gpt-4o-2024-08-06</c>, <c>claude-sonnet-4-20250514</c>, <c>@20250514</c>) resolve to
/// the base model unless the snapshot has its own row. A shorter name is never used for a longer one
/// (<c>gpt-4.1</c> is not priced as <c>gpt-4</c>): an unknown model gets no price rather than a guess.
/// </para>
/// <para>Instances are immutable and safe to share between threads.</para>
/// </remarks>
public sealed class HiltPriceTable
{
    private const string ResourceName = "Hilt.Aop.Pricing.model-prices.json";

    private static readonly Lazy<HiltPriceTable> _embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly HiltModelPrice[][] _layers;
    private readonly FrozenDictionary<string, HiltModelPrice> _byName;

    // Each layer is one WithPrices call; a later layer wins. Within a layer a row's own name beats
    // another row's alias of the same spelling, so aliases go in before names.
    private HiltPriceTable(HiltModelPrice[][] layers)
    {
        _layers = layers;
        var byName = new Dictionary<string, HiltModelPrice>(StringComparer.OrdinalIgnoreCase);
        var last = new Dictionary<string, HiltModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var layer in layers)
        {
            foreach (var row in layer)
            {
                foreach (var alias in row.Aliases)
                {
                    byName[alias.Trim()] = row;
                }
            }

            foreach (var row in layer)
            {
                byName[row.Model] = row;
                last[row.Model] = row;
            }
        }

        _byName = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        Models = layers.SelectMany(layer => layer).Where(row => ReferenceEquals(last[row.Model], row)).ToArray();
    }

    /// <summary>Gets the price table embedded in the package.</summary>
    public static HiltPriceTable Default => _embedded.Value;

    /// <summary>Gets every row of the table, in the order it was built.</summary>
    public IReadOnlyList<HiltModelPrice> Models { get; }

    /// <summary>Creates a table from rows.</summary>
    /// <param name="prices">The rows; when two share a model name, the later one wins.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prices"/> is <see langword="null"/>.</exception>
    public static HiltPriceTable Create(IEnumerable<HiltModelPrice> prices) => Empty.WithPrices(prices);

    /// <summary>Reads a table from JSON of the same shape as the embedded one.</summary>
    /// <param name="json">The JSON text: <c>{"models":[{"model":"...","input_usd_per_1m":1,"output_usd_per_1m":2}]}</c>.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The JSON does not describe a price table.</exception>
    public static HiltPriceTable Parse(string json) => Create(ReadJson(() => PriceTableJson.Read(Throw.IfNull(json), "price table")));

    /// <summary>Reads a table from a JSON file of the same shape as the embedded one.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The table.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The file does not describe a price table.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static HiltPriceTable Load(string path)
    {
        Throw.IfNullOrWhiteSpace(path);
        using var stream = File.OpenRead(path);
        return Create(ReadJson(() => PriceTableJson.Read(stream, path)));
    }

    /// <summary>Creates a table with more rows; a new row replaces any row of the same model name or alias.</summary>
    /// <param name="prices">The rows to add; when two share a model name, the later one wins.</param>
    /// <returns>A new table; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prices"/> is <see langword="null"/>.</exception>
    public HiltPriceTable WithPrices(IEnumerable<HiltModelPrice> prices)
    {
        var added = Throw.IfNull(prices).Select(price => Throw.IfNull(price)).ToArray();
        return added.Length == 0 ? this : new HiltPriceTable([.. _layers, added]);
    }

    /// <summary>Finds the row that prices a model name.</summary>
    /// <param name="model">The model name, as the provider answered with it.</param>
    /// <returns>The row, or <see langword="null"/> when the table does not know the model.</returns>
    public HiltModelPrice? Find(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        var name = model.Trim();
        if (_byName.TryGetValue(name, out var row))
        {
            return row;
        }

        if (ModelNames.WithoutPrefix(name) is { } bare)
        {
            if (_byName.TryGetValue(bare, out row))
            {
                return row;
            }

            name = bare;
        }

        if (ModelNames.WithoutSnapshot(name) is { } snapshotBase && _byName.TryGetValue(snapshotBase, out row))
        {
            return row;
        }

        if (ModelNames.FineTunedBase(name) is { } fineTuned && _byName.TryGetValue(fineTuned, out row))
        {
            return row;
        }

        return null;
    }

    /// <summary>Computes the exact cost of a call, if the model is known.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="tokens">The call's normalised tokens (see <see cref="HiltModelPrice.Cost"/>).</param>
    /// <param name="serviceTier">The service tier the call ran in, if known.</param>
    /// <returns>The cost in US dollars, or <see langword="null"/> when the model is unknown.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tokens"/> is <see langword="null"/>.</exception>
    public decimal? GetCost(string? model, HiltTokens tokens, string? serviceTier = null)
    {
        Throw.IfNull(tokens);
        return Find(model)?.Cost(tokens, serviceTier);
    }

    private static HiltPriceTable Empty { get; } = new([]);

    private static IReadOnlyList<HiltModelPrice> ReadJson(Func<IReadOnlyList<HiltModelPrice>> read)
    {
        try
        {
            return read();
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new FormatException($"The price table is not valid JSON: {ex.Message}", ex);
        }
    }

    private static HiltPriceTable LoadEmbedded()
    {
        using var stream = typeof(HiltPriceTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded price table {ResourceName} is missing from the assembly.");
        return new HiltPriceTable([[.. PriceTableJson.Read(stream, ResourceName)]]);
    }
}
