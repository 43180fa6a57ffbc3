using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Hilt.Aop.Benchmarks;

/// <summary>
/// Listens to one activity source and meter the way an OpenTelemetry SDK with an exporter would: samples every
/// activity as <see cref="ActivitySamplingResult.AllDataAndRecorded"/>, reads its tags when it stops, and takes every
/// measurement. Nothing is exported, so the cost measured is the instrumentation's own.
/// </summary>
internal sealed class TelemetryCollector : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private long _stopped;
    private long _tags;
    private double _measured;

    public TelemetryCollector(string sourceName)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            SampleUsingParentId = (ref ActivityCreationOptions<string> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = OnStopped,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == sourceName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((_, value, _, _) => _measured += value);
        _meters.SetMeasurementEventCallback<int>((_, value, _, _) => _measured += value);
        _meters.SetMeasurementEventCallback<double>((_, value, _, _) => _measured += value);
        _meters.Start();
    }

    public long Stopped => Volatile.Read(ref _stopped);

    public long Tags => Volatile.Read(ref _tags);

    public double Measured => _measured;

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void OnStopped(Activity activity)
    {
        var count = 0;
        foreach (var tag in activity.TagObjects)
        {
            if (tag.Value is not null)
            {
                count++;
            }
        }

        _tags += count;
        _stopped++;
    }
}
