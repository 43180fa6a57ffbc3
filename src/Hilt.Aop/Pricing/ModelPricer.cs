using System.Collections.Concurrent;

namespace Hilt.Aop;

/// <summary>Prices calls for one recorder: caches each model name's row and reports each unknown model once.</summary>
/// <remarks>Thread-safe. The caches are bounded so a stream of odd model names cannot grow memory without end.</remarks>
internal sealed class ModelPricer
{
    public const string UnknownModel = "unknown_model";

    private const int MaxNames = 1024;

    private readonly HiltPriceTable _table;
    private readonly HiltDiagnostics _diagnostics;
    private readonly ConcurrentDictionary<string, HiltModelPrice?> _resolved = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _reported = new(StringComparer.OrdinalIgnoreCase);

    public ModelPricer(HiltPriceTable table, HiltDiagnostics diagnostics)
    {
        _table = table;
        _diagnostics = diagnostics;
    }

    public HiltPriceTable Table => _table;

    public (decimal? CostUsd, string? CostStatus) Price(string? model, HiltTokens? tokens, string? serviceTier)
    {
        var row = Resolve(model);
        if (row is null)
        {
            ReportUnknown(model);
            return (null, UnknownModel);
        }

        return tokens is null ? (null, null) : (row.Cost(tokens, serviceTier), null);
    }

    private HiltModelPrice? Resolve(string? model)
    {
        if (string.IsNullOrWhiteSpace(model))
        {
            return null;
        }

        if (_resolved.TryGetValue(model, out var row))
        {
            return row;
        }

        row = _table.Find(model);
        if (_resolved.Count < MaxNames)
        {
            _resolved.TryAdd(model, row);
        }

        return row;
    }

    private void ReportUnknown(string? model)
    {
        var name = string.IsNullOrWhiteSpace(model) ? string.Empty : model.Trim();
        if (_reported.Count >= MaxNames || !_reported.TryAdd(name, true))
        {
            return;
        }

        var message = name.Length == 0
            ? "A call named no model, so it has no cost (cost_status: unknown_model)."
            : $"No price for model '{name}': its calls have no cost (cost_status: unknown_model). Add it with HiltOptions.ModelPrices or a price file.";
        _diagnostics.Report(new HiltDiagnostic(HiltDiagnosticKind.UnknownModel, "pricing", message));
    }
}
