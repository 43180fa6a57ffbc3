using Hilt.Aop.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hilt.Aop.Tests.Interception;

/// <summary>A recorder on a fake clock writing to a collecting sink.</summary>
internal sealed class Harness : IDisposable
{
    public Harness(Action<HiltOptions>? configure = null, IHiltSink? sink = null)
    {
        Options = new HiltOptions { TimeProvider = Clock };
        Options.WriteTo(sink ?? Sink);
        configure?.Invoke(Options);
        Recorder = new HiltRecorder(Options);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 4, 19, 0, 0, TimeSpan.Zero));

    public CollectingSink Sink { get; } = new();

    public HiltOptions Options { get; }

    public HiltRecorder Recorder { get; }

    public IReadOnlyList<HiltEvent> Events => Sink.Events;

    public HiltEvent Single(string action) => Assert.Single(Events, e => e.Action == action);

    public T Proxy<T>(T target)
        where T : class => HiltProxy.Create(target, Recorder);

    public void Dispose() => Recorder.Dispose();

    public static long Ext(HiltEvent e, string key) => Convert.ToInt64(e.GetExtension(key), System.Globalization.CultureInfo.InvariantCulture);
}
