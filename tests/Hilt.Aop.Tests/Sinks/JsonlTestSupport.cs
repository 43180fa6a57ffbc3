using System.Collections.Concurrent;

namespace Hilt.Aop.Tests.Sinks;

/// <summary>Opens real files, but can fail every write (or block it) on demand.</summary>
internal sealed class FaultyOpener : IJsonlFileOpener
{
    private readonly JsonlFileOpener _inner = new();

    /// <summary>Gets or sets the exception each write throws, or <see langword="null"/> to write normally.</summary>
    public Func<Exception>? Fail { get; set; }

    /// <summary>Gets or sets a gate each write waits on before it goes on.</summary>
    public ManualResetEventSlim? Gate { get; set; }

    /// <summary>Gets an event set as soon as a write starts.</summary>
    public ManualResetEventSlim WriteStarted { get; } = new();

    /// <summary>Gets or sets the exception opening a file throws, or <see langword="null"/> to open normally.</summary>
    public Func<Exception>? FailOpen { get; set; }

    public int Opens;

    public IJsonlAppendFile Open(string path, UnixFileMode? unixCreateMode)
    {
        Interlocked.Increment(ref Opens);
        if (FailOpen is { } failOpen)
        {
            throw failOpen();
        }

        return new FaultyFile(this, _inner.Open(path, unixCreateMode));
    }

    private sealed class FaultyFile(FaultyOpener owner, IJsonlAppendFile inner) : IJsonlAppendFile
    {
        public void Append(ReadOnlySpan<byte> lines)
        {
            owner.WriteStarted.Set();
            owner.Gate?.Wait(TimeSpan.FromSeconds(20));
            if (owner.Fail is { } fail)
            {
                throw fail();
            }

            inner.Append(lines);
        }

        public void FlushToDisk() => inner.FlushToDisk();

        public void Dispose() => inner.Dispose();
    }
}

/// <summary>Records every diagnostic a sink reports.</summary>
internal sealed class DiagnosticsRecorder
{
    public DiagnosticsRecorder()
    {
        Diagnostics.Reported += d => Reports.Enqueue(d);
    }

    public HiltDiagnostics Diagnostics { get; } = new();

    public ConcurrentQueue<HiltDiagnostic> Reports { get; } = new();

    public long Sum(HiltDiagnosticKind kind) => Reports.Where(r => r.Kind == kind).Sum(r => r.Count);
}

internal static class JsonlEvents
{
    public static readonly DateTimeOffset Time = new(2026, 12, 4, 19, 33, 24, TimeSpan.Zero);

    public static HiltEvent Create(string id, string? text = "hello", string? tenant = null) =>
        new(id, Time, "conv_9d6ded566067", new HiltActor(HiltActorTypes.Human, "user"), HiltActions.Prompt)
        {
            Content = text is null ? null : new HiltContent(text),
            Metrics = new HiltMetrics { Tokens = new HiltTokens { Prompt = 15 } },
            Extensions = tenant is null ? null : new Dictionary<string, object?> { [HiltExtensionKeys.Tenant] = tenant },
        };

    public static IReadOnlyList<HiltEvent> ReadAll(string path)
    {
        var result = HiltJsonlReader.ReadFile(path);
        Assert.False(result.HasTornLastLine);
        return result.Events;
    }
}
