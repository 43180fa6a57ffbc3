using System.Globalization;
using System.Text;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// A child process logs in a loop and is killed with SIGKILL at a random moment, 20 times: every complete line parses,
/// only the last may be torn (and the reader says so), and every event the child was told was flushed is in the file.
/// </summary>
[Trait(Category.Name, Category.Crash)]
public sealed class KillTests
{
    private const int Kills = 20;
    private const int AtOnce = 4;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Kill_ChildLoggingInALoop_EveryCompleteLineParsesAndEveryFlushedEventIsThere()
    {
        using var folder = new TempFolder();
        var random = new Random(20261204);
        var rounds = new List<Task>();
        for (var i = 0; i < Kills; i += AtOnce)
        {
            var batch = Enumerable.Range(i, Math.Min(AtOnce, Kills - i))
                .Select(k => KillOnceAsync(folder.File($"kill-{k}.jsonl"), fsync: k % 2 == 1, killAfter: TimeSpan.FromMilliseconds(random.Next(0, 300))))
                .ToArray();
            await Task.WhenAll(batch);
        }
    }

    [Fact]
    public void ReadFile_LastLineTornByACrash_ReportsItAndReadsTheRest()
    {
        using var folder = new TempFolder();
        var path = folder.File("torn.jsonl");
        var whole = Enumerable.Range(0, 5).Select(i => HiltJsonl.Serialize(Events.Prompt($"line {i}"))).ToList();
        var torn = HiltJsonl.Serialize(Events.Prompt("cut short by SIGKILL"));
        File.WriteAllText(path, string.Join('\n', whole) + "\n" + torn[..(torn.Length / 2)], new UTF8Encoding(false));

        var result = HiltJsonlReader.ReadFile(path);

        Assert.True(result.HasTornLastLine);
        Assert.Equal(6, result.TornLineNumber);
        Assert.Equal(5, result.Events.Count);
    }

    private static async Task KillOnceAsync(string path, bool fsync, TimeSpan killAfter)
    {
        using var child = ChildProcess.Start("loop", path, fsync ? "true" : "false");
        await child.WaitForFirstLineAsync(Bound);
        await Task.Delay(killAfter);
        Assert.False(child.HasExited, string.Join('\n', child.Lines));
        await child.KillAsync(Bound);

        var flushed = child.Lines
            .Where(l => l.StartsWith("flushed ", StringComparison.Ordinal))
            .Select(l => long.Parse(l["flushed ".Length..], CultureInfo.InvariantCulture))
            .DefaultIfEmpty(0)
            .Max();
        var bytes = await File.ReadAllBytesAsync(path);
        var completeLines = bytes.Count(b => b == (byte)'\n');
        var endsWhole = bytes.Length == 0 || bytes[^1] == (byte)'\n';

        // Throws, naming the line, if any line but the last is not a valid event.
        var result = HiltJsonlReader.ReadFile(path);

        Assert.Equal(!endsWhole, result.HasTornLastLine);
        Assert.Equal(completeLines, result.Events.Count);
        Assert.True(result.Events.Count >= flushed, $"The child was told {flushed} events were flushed (fsync {fsync}) but the file holds {result.Events.Count}.");
        for (var i = 0; i < result.Events.Count; i++)
        {
            // One writer: events arrive whole, once each, in order.
            Assert.Equal($"child-{i}", result.Events[i].EventId);
        }
    }
}
