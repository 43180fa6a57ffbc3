using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// Events per second for cases with an <c>Events</c> parameter: the event count divided by the mean time of one
/// invocation (which ends when the last event has been handed to the file).
/// </summary>
/// <remarks>
/// Used instead of <c>OperationsPerInvoke</c>, which must be a compile-time constant, because the short and dry
/// modes write fewer events than the full run.
/// </remarks>
internal sealed class EventsPerSecondColumn : IColumn
{
    public const string ParameterName = "Events";

    public string Id => nameof(EventsPerSecondColumn);

    public string ColumnName => "Events/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Events written per second: Events / Mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (benchmarkCase.Parameters[ParameterName] is not int events || mean is not > 0)
        {
            return "-";
        }

        return (events / (mean.Value / 1e9)).ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(c => c.Parameters.Items.Any(p => p.Name == ParameterName));

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
