using System.Diagnostics;
using System.Security.Cryptography;
using Hilt.Aop.GoogleSheets.Tests;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>Google Sheets stops answering: the JSONL file still gets every event, the caller is not held up, and no row vanishes unaccounted.</summary>
[Trait(Category.Name, Category.Faults)]
public sealed class HungGoogleSheetsTests
{
    [Fact]
    public async Task Emit_GoogleNeverAnswersAppends_JsonlGetsEverythingCallerUnblockedRowsSpooledOrCounted()
    {
        using var key = RSA.Create(2048);
        using var folder = new TempFolder();
        await using var google = await FakeGoogle.StartAsync(key);
        google.AddWorksheet("Logs");
        google.AppendDelay = TimeSpan.FromHours(1);
        const int Count = 1_000;
        var spool = folder.File("spool.jsonl");
        var options = new HiltOptions { ShutdownTimeout = TimeSpan.FromSeconds(4) }
            .WriteToJsonl(folder.File("logs/chat.jsonl"))
            .WriteToGoogleSheets(o =>
            {
                o.SpreadsheetId = FakeGoogle.SpreadsheetId;
                o.CredentialsJson = FakeGoogle.CredentialsJson(key, google.TokenUri);
                o.SheetsBaseUri = google.BaseUri;
                o.BatchInterval = TimeSpan.FromMilliseconds(20);
                o.RequestTimeout = TimeSpan.FromMilliseconds(300);
                o.RetryBaseDelay = TimeSpan.FromMilliseconds(10);
                o.MaxRetryDelay = TimeSpan.FromMilliseconds(50);
                o.ShutdownTimeout = TimeSpan.FromSeconds(1);
                o.SpoolPath = spool;
            });
        var slowest = TimeSpan.Zero;
        var shutdown = new Stopwatch();

        await using (var recorder = new HiltRecorder(options))
        {
            var watch = new Stopwatch();
            for (var i = 0; i < Count; i++)
            {
                watch.Restart();
                recorder.Emit(Events.Prompt($"question {i}"));
                slowest = watch.Elapsed > slowest ? watch.Elapsed : slowest;
            }

            shutdown.Start();
        }

        shutdown.Stop();
        var jsonl = JsonlFiles.ReadAllWhole(folder.File("logs"));
        var spooled = File.Exists(spool) ? File.ReadAllLines(spool).Count(l => l.Length > 0) : 0;
        Assert.Equal(Count, jsonl.Count);
        Assert.True(slowest < ReliabilityLimits.CallerStall, $"An Emit took {slowest} while Google hung.");
        Assert.True(shutdown.Elapsed < TimeSpan.FromSeconds(6), $"Shutdown took {shutdown.Elapsed} while Google hung.");
        Assert.Empty(google.Rows("Logs").Skip(1));
        Assert.True(spooled + options.Diagnostics.LostEvents >= Count, $"{spooled} rows spooled and {options.Diagnostics.LostEvents} counted lost, of {Count}.");
    }
}
