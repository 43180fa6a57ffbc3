using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hilt.Aop.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Hilt.Aop.GoogleSheets.Tests;

public sealed class GoogleSheetsSinkTests : IAsyncLifetime
{
    private readonly RSA _key = RSA.Create(2048);
    private readonly TempFolder _folder = new();
    private readonly List<HiltDiagnostic> _reports = [];
    private readonly HiltDiagnostics _diagnostics = new();
    private FakeGoogle _google = null!;

    public GoogleSheetsSinkTests()
    {
        _diagnostics.Reported += d =>
        {
            lock (_reports)
            {
                _reports.Add(d);
            }
        };
    }

    public async Task InitializeAsync() => _google = await FakeGoogle.StartAsync(_key);

    public async Task DisposeAsync()
    {
        await _google.DisposeAsync();
        _folder.Dispose();
        _key.Dispose();
    }

    [Fact]
    public async Task Emit_ThousandCallsAndNoWorksheet_AllRowsArriveInOrderInFewAppendsWithOneHeader()
    {
        _google.AddWorksheet("Sheet1");
        var options = new HiltOptions();
        options.WriteTo(SheetsFixture.Sink(SheetsFixture.Options(_google, _folder), diagnostics: options.Diagnostics));
        await using (var recorder = new HiltRecorder(options))
        {
            for (var call = 0; call < 1000; call++)
            {
                recorder.Emit(SheetsFixture.Event(2 * call));
                recorder.Emit(SheetsFixture.Event((2 * call) + 1, action: HiltActions.Completion));
            }

            await recorder.FlushAsync();
        }

        var rows = _google.Rows("Logs");
        Assert.Contains("Sheet1", _google.WorksheetTitles());
        Assert.Equal(HiltColumns.All, rows[0].Select(c => c!.GetValue<string>()));
        var eventIds = rows.Skip(1).Select(r => r[2]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(0, 2000).Select(i => $"00000000-0000-7000-8000-{i:D12}"), eventIds);
        Assert.InRange(_google.Appends.Count, 1, 40);
        Assert.Single(_google.Requests, r => r.Method == "PUT");
        Assert.Single(_google.Requests, r => r.Path.EndsWith(":batchUpdate", StringComparison.Ordinal));
        Assert.False(File.Exists(_folder.File("spool.jsonl")));
    }

    [Fact]
    public async Task Emit_Status429WithRetryAfterThreeTimes_EveryRowArrivesOnceAfterTheWaitsAsked()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var google = await FakeGoogle.StartAsync(_key, time.GetUtcNow);
        for (var i = 0; i < 3; i++)
        {
            google.AppendScript.Enqueue((429, 2));
        }

        var options = SheetsFixture.Options(google, _folder);
        options.MaxRetryDelay = TimeSpan.FromSeconds(60);
        await using var sink = SheetsFixture.Sink(options, time, _diagnostics);
        for (var i = 0; i < 10; i++)
        {
            sink.Emit(SheetsFixture.Event(i));
        }

        var flush = sink.FlushAsync();
        Assert.True(await SheetsFixture.EventuallyAsync(() => flush.IsCompleted, step: () => time.Advance(TimeSpan.FromMilliseconds(250))));

        var appends = google.Appends;
        Assert.Equal(4, appends.Count);
        for (var i = 1; i < appends.Count; i++)
        {
            Assert.True(appends[i].At - appends[i - 1].At >= TimeSpan.FromSeconds(2), $"Append {i} came {(appends[i].At - appends[i - 1].At).TotalSeconds} s after the 429.");
        }

        var ids = google.Rows("Logs").Skip(1).Select(r => r[2]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => $"00000000-0000-7000-8000-{i:D12}"), ids);
    }

    [Fact]
    public async Task Emit_GoogleDownForTheWholeRun_NextSinkSendsSpooledRowsInOrderAndEmptiesTheSpool()
    {
        var spool = _folder.File("spool.jsonl");
        await using (var down = SheetsFixture.Sink(SheetsFixture.DownOptions(_key, _folder), diagnostics: _diagnostics))
        {
            for (var i = 0; i < 30; i++)
            {
                down.Emit(SheetsFixture.Event(i));
            }

            await down.FlushAsync();
            for (var i = 30; i < 40; i++)
            {
                down.Emit(SheetsFixture.Event(i));
            }
        }

        Assert.Equal(40, File.ReadAllLines(spool).Length);
        Assert.Empty(_google.Requests);

        await using (var next = SheetsFixture.Sink(SheetsFixture.Options(_google, _folder), diagnostics: _diagnostics))
        {
            for (var i = 40; i < 45; i++)
            {
                next.Emit(SheetsFixture.Event(i));
            }

            Assert.True(await SheetsFixture.EventuallyAsync(() => _google.Rows("Logs").Count == 46));
        }

        var ids = _google.Rows("Logs").Skip(1).Select(r => r[2]!.GetValue<string>()).ToList();
        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"00000000-0000-7000-8000-{i:D12}"), ids);
        Assert.False(File.Exists(spool));
        Assert.False(File.Exists(spool + ".pos"));
        AssertNoCredentials();
    }

    [Fact]
    public async Task Emit_FormulaLikeMessages_ArriveAsLiteralTextWithRawOnEveryAppend()
    {
        string[] texts = ["=HYPERLINK(\"http://x\",\"y\")", "+1-2", "@x", "-x", "=IMPORTXML(\"http://x\",\"//a\")"];
        await using (var sink = SheetsFixture.Sink(SheetsFixture.Options(_google, _folder), diagnostics: _diagnostics))
        {
            for (var i = 0; i < texts.Length; i++)
            {
                sink.Emit(SheetsFixture.Event(i, texts[i]));
                await sink.FlushAsync();
            }
        }

        var message = HiltColumns.All.ToList().IndexOf(HiltColumns.Message);
        Assert.Equal(texts, _google.Rows("Logs").Skip(1).Select(r => r[message]!.GetValue<string>()));
        Assert.Equal(texts.Length, _google.Appends.Count);
        Assert.All(_google.Appends, a =>
        {
            Assert.Contains("valueInputOption=RAW", a.Query, StringComparison.Ordinal);
            Assert.Contains("insertDataOption=INSERT_ROWS", a.Query, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Emit_Completion_CellsAreTypedAndMissingValuesEmpty()
    {
        await using (var sink = SheetsFixture.Sink(SheetsFixture.Options(_google, _folder), diagnostics: _diagnostics))
        {
            sink.Emit(SheetsFixture.Event(7, action: HiltActions.Completion));
            await sink.FlushAsync();
        }

        var header = HiltColumns.All.ToList();
        var row = _google.Rows("Logs")[1];
        JsonNode Cell(string column) => row[header.IndexOf(column)]!;
        Assert.Equal(15L, Cell(HiltColumns.TokensIn).GetValue<long>());
        Assert.Equal(87L, Cell(HiltColumns.TokensOut).GetValue<long>());
        Assert.Equal(0.000054m, Cell(HiltColumns.CostUsd).GetValue<decimal>());
        Assert.Equal(200L, Cell(HiltColumns.StatusCode).GetValue<long>());
        Assert.Equal(System.Text.Json.JsonValueKind.Number, Cell(HiltColumns.LatencyMs).GetValueKind());
        Assert.Equal("agent: openai", Cell(HiltColumns.Speaker).GetValue<string>());
        Assert.Equal(string.Empty, Cell(HiltColumns.ReplyTo).GetValue<string>());
    }

    [Fact]
    public async Task Emit_ColumnsWithoutMessage_NoMessageTextInAnyRequest()
    {
        const string Secret = "private prompt text 7f3a";
        var options = SheetsFixture.Options(_google, _folder);
        options.Columns = [HiltColumns.Timestamp, HiltColumns.EventId, HiltColumns.Action, HiltColumns.TokensIn];
        await using (var sink = SheetsFixture.Sink(options, diagnostics: _diagnostics))
        {
            for (var i = 0; i < 20; i++)
            {
                sink.Emit(SheetsFixture.Event(i, $"{Secret} {i}", i % 2 == 0 ? HiltActions.Prompt : HiltActions.Completion));
            }

            await sink.FlushAsync();
        }

        Assert.Equal(21, _google.Rows("Logs").Count);
        Assert.Equal(options.Columns, _google.Rows("Logs")[0].Select(c => c!.GetValue<string>()));
        Assert.All(_google.Requests, r =>
        {
            Assert.DoesNotContain("7f3a", r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("private prompt", r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("7f3a", r.Query, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Emit_TokenNoLongerAccepted_RefreshesOnceAndSends()
    {
        await using var sink = SheetsFixture.Sink(SheetsFixture.Options(_google, _folder), diagnostics: _diagnostics);
        sink.Emit(SheetsFixture.Event(0));
        await sink.FlushAsync();
        _google.RevokeTokens();

        sink.Emit(SheetsFixture.Event(1));
        await sink.FlushAsync();

        Assert.Equal(3, _google.Rows("Logs").Count);
        Assert.Equal(2, _google.TokensIssued);
        Assert.DoesNotContain(_reports, r => r.Kind == HiltDiagnosticKind.WriteFailed);
    }

    [Fact]
    public async Task Emit_ServerErrorsThenSuccess_RetriedWithoutDuplicates()
    {
        _google.AppendScript.Enqueue((503, null));
        _google.AppendScript.Enqueue((500, null));
        await using (var sink = SheetsFixture.Sink(SheetsFixture.Options(_google, _folder), diagnostics: _diagnostics))
        {
            for (var i = 0; i < 5; i++)
            {
                sink.Emit(SheetsFixture.Event(i));
            }

            await sink.FlushAsync();
        }

        Assert.Equal(3, _google.Appends.Count);
        Assert.Equal(6, _google.Rows("Logs").Count);
    }

    [Fact]
    public async Task Emit_AccessRevokedAfterStart_ReportsClearlyKeepsRowsInSpoolAndStopsCalling()
    {
        await using (var sink = SheetsFixture.Sink(SheetsFixture.Options(_google, _folder), diagnostics: _diagnostics))
        {
            _google.SpreadsheetStatus = 403;
            sink.Emit(SheetsFixture.Event(0));
            await sink.FlushAsync();
            sink.Emit(SheetsFixture.Event(1));
            await sink.FlushAsync();
            sink.Emit(SheetsFixture.Event(2));
        }

        Assert.Single(_google.Appends);
        Assert.Equal(3, File.ReadAllLines(_folder.File("spool.jsonl")).Length);
        var failure = Assert.Single(_reports, r => r.Kind == HiltDiagnosticKind.WriteFailed);
        Assert.Contains("403", failure.Message, StringComparison.Ordinal);
        Assert.Contains(FakeGoogle.ClientEmail, failure.Message, StringComparison.Ordinal);
        Assert.Equal(0, _diagnostics.LostEvents);
        AssertNoCredentials();
    }

    [Fact]
    public async Task Emit_AfterDispose_DoesNotThrowAndReportsTheDrop()
    {
        var sink = SheetsFixture.Sink(SheetsFixture.Options(_google, _folder), diagnostics: _diagnostics);
        await sink.DisposeAsync();

        sink.Emit(SheetsFixture.Event(0));
        await sink.FlushAsync();

        Assert.Equal(1, _diagnostics.LostEvents);
    }

    [Fact]
    public async Task WriteToGoogleSheets_ValidOptions_RecorderEventsReachTheSheet()
    {
        var options = new HiltOptions();
        options.WriteToGoogleSheets(o =>
        {
            o.SpreadsheetId = FakeGoogle.SpreadsheetId;
            o.CredentialsJson = FakeGoogle.CredentialsJson(_key, _google.TokenUri);
            o.SheetsBaseUri = _google.BaseUri;
            o.WorksheetName = "Calls";
            o.SpoolPath = _folder.File("spool.jsonl");
        });

        await using (var recorder = new HiltRecorder(options))
        {
            recorder.Emit(SheetsFixture.Event(0));
            await recorder.FlushAsync();
        }

        Assert.Single(options.Sinks);
        Assert.Equal(2, _google.Rows("Calls").Count);
    }

    private void AssertNoCredentials()
    {
        var pem = _key.ExportPkcs8PrivateKeyPem();
        var keyLine = pem.Split('\n')[2];
        lock (_reports)
        {
            Assert.NotEmpty(_reports);
            foreach (var report in _reports)
            {
                var text = report.Message + " " + report.Exception;
                Assert.DoesNotContain(keyLine, text, StringComparison.Ordinal);
                Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
                Assert.DoesNotContain("ya29.", text, StringComparison.Ordinal);
            }
        }
    }
}
