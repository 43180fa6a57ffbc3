using FsCheck;
using FsCheck.Fluent;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>Write → read gives the same event, for any text Unicode allows.</summary>
[Trait(Category.Name, Category.RoundTrip)]
public sealed class RoundTripTests
{
    private const int Cases = 10_000;

    [Fact]
    public void SerializeThenDeserialize_RandomEvents_GiveTheSameEvent()
    {
        var property = Prop.ForAll(Arb.From(HiltEventGen.Event), (HiltEvent original) => AssertRoundTrip(original));

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases).WithEndSize(40).WithQuietOnSuccess(true), property);
    }

    [Fact]
    public async Task JsonlSink_TenThousandSeededRandomEvents_ReadBackFromTheFileInOrderAndEqual()
    {
        using var folder = new TempFolder();
        var events = HiltEventGen.Event.Sample(30, new Rnd(20261204UL), Cases);
        var path = folder.File("round-trip.jsonl");
        var diagnostics = new HiltDiagnostics();
        await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path, QueueCapacity = Cases }, null, diagnostics))
        {
            foreach (var hiltEvent in events)
            {
                sink.Emit(hiltEvent);
            }
        }

        var result = HiltJsonlReader.ReadFile(path);

        Assert.Equal(0, diagnostics.LostEvents);
        Assert.False(result.HasTornLastLine);
        Assert.Equal(events.Length, result.Events.Count);
        for (var i = 0; i < events.Length; i++)
        {
            Assert.Equal(HiltJsonl.Serialize(events[i]), HiltJsonl.Serialize(result.Events[i]));
        }
    }

    internal static void AssertRoundTrip(HiltEvent original)
    {
        var line = HiltJsonl.Serialize(original);
        Assert.DoesNotContain('\n', line);
        Assert.DoesNotContain('\r', line);

        var read = HiltJsonl.Deserialize(line);

        Assert.Equal(original.EventId, read.EventId);
        Assert.Equal(original.Timestamp, read.Timestamp);
        Assert.Equal(HostileText.Expected(original.SessionId), read.SessionId);
        Assert.Equal(original.Actor.Type, read.Actor.Type);
        Assert.Equal(HostileText.Expected(original.Actor.Id), read.Actor.Id);
        Assert.Equal(HostileText.Expected(original.Actor.Name), read.Actor.Name);
        Assert.Equal(original.Action, read.Action);
        Assert.Equal(HostileText.Expected(original.Content?.Text), read.Content?.Text);
        Assert.Equal(original.Metrics?.CostUsd, read.Metrics?.CostUsd);
        Assert.Equal(original.Metrics?.LatencyMs, read.Metrics?.LatencyMs);
        Assert.Equal(original.Metrics?.Tokens?.Prompt, read.Metrics?.Tokens?.Prompt);
        Assert.Equal(original.Metrics?.Tokens?.Completion, read.Metrics?.Tokens?.Completion);
        Assert.Equal(original.Metrics?.Tokens?.Total, read.Metrics?.Tokens?.Total);
        Assert.Equal(original.Metrics?.Tokens?.Cached, read.Metrics?.Tokens?.Cached);
        Assert.Equal(original.Metrics?.Tokens?.Reasoning, read.Metrics?.Tokens?.Reasoning);
        Assert.Equal(original.Extensions?.Count ?? 0, read.Extensions?.Count ?? 0);

        // The free-form parts (metadata, provenance, extensions) must survive whole: writing what was read gives the same line.
        Assert.Equal(line, HiltJsonl.Serialize(read));
    }
}
