using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hilt.Aop.Testing;

namespace Hilt.Aop.GoogleSheets.Tests;

public sealed class GoogleSheetsConfigurationTests : IAsyncLifetime
{
    private readonly RSA _key = TestKeys.Create();
    private readonly TempFolder _folder = new();
    private FakeGoogle _google = null!;

    public async Task InitializeAsync() => _google = await FakeGoogle.StartAsync(_key);

    public async Task DisposeAsync()
    {
        await _google.DisposeAsync();
        _folder.Dispose();
        _key.Dispose();
    }

    [Fact]
    public void Create_NoSheetIdAnywhere_ErrorNamesOptionAndVariable()
    {
        var options = SheetsFixture.Options(_google, _folder);
        options.SpreadsheetId = null;

        var error = Assert.Throws<ArgumentException>(() => SheetsFixture.Sink(options));

        Assert.Equal(nameof(GoogleSheetsSinkOptions.SpreadsheetId), error.ParamName);
        Assert.Contains("GOOGLE_SHEET_ID", error.Message, StringComparison.Ordinal);
        Assert.Empty(_google.Requests);
    }

    [Fact]
    public void Create_NoCredentialsAnywhere_ErrorNamesOptionsAndVariable()
    {
        var options = SheetsFixture.Options(_google, _folder);
        options.CredentialsJson = null;

        var error = Assert.Throws<ArgumentException>(() => SheetsFixture.Sink(options));

        Assert.Contains("CredentialsPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("GOOGLE_CREDENTIALS_PATH", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"type\":\"service_account\",\"private_key\":\"-----BEGIN PRIVATE KEY-----\\nSECRETSECRET", "not valid JSON")]
    [InlineData("{\"type\":\"service_account\",\"client_email\":\"a@b.c\"}", "'private_key'")]
    [InlineData("{\"type\":\"service_account\",\"private_key\":\"SECRETSECRET\"}", "'client_email'")]
    [InlineData("{\"type\":\"authorized_user\",\"client_secret\":\"SECRETSECRET\"}", "'service_account'")]
    [InlineData("{\"type\":\"service_account\",\"client_email\":\"a@b.c\",\"private_key\":\"SECRETSECRET\"}", "PEM-encoded RSA private key")]
    public void Create_BadCredentialsJson_ErrorSaysWhatToFixWithoutEchoingTheKey(string json, string expected)
    {
        var options = SheetsFixture.Options(_google, _folder);
        options.CredentialsJson = json;

        var error = Assert.Throws<ArgumentException>(() => SheetsFixture.Sink(options));

        Assert.Equal(nameof(GoogleSheetsSinkOptions.CredentialsJson), error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRETSECRET", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_KeyTheTokenEndpointRefuses_ErrorNamesTheAccount()
    {
        using var other = TestKeys.CreateOther();
        var options = SheetsFixture.Options(_google, _folder);
        options.CredentialsJson = FakeGoogle.CredentialsJson(other, _google.TokenUri);

        var error = Assert.Throws<InvalidOperationException>(() => SheetsFixture.Sink(options));

        Assert.Contains(FakeGoogle.ClientEmail, error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid_grant", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SheetIdAndKeyFileFromEnvironment_UsesThem()
    {
        var keyFile = _folder.File("key.json");
        File.WriteAllText(keyFile, FakeGoogle.CredentialsJson(_key, _google.TokenUri));
        var options = SheetsFixture.Options(_google, _folder);
        options.SpreadsheetId = null;
        options.CredentialsJson = null;
        var environment = new Dictionary<string, string?>
        {
            [GoogleSheetsSinkOptions.SheetIdEnvironmentVariable] = FakeGoogle.SpreadsheetId,
            [GoogleSheetsSinkOptions.CredentialsPathEnvironmentVariable] = keyFile,
        };

        using var sink = GoogleSheetsSink.Create(options, TimeProvider.System, new HiltDiagnostics(), environment.GetValueOrDefault);

        Assert.Equal("Logs", sink.Worksheet);
        Assert.Equal(HiltColumns.All, _google.Rows("Logs")[0].Select(c => c!.GetValue<string>()));
    }

    [Fact]
    public void Create_KeyFileFromEnvironmentMissing_ErrorNamesVariableAndPath()
    {
        var options = SheetsFixture.Options(_google, _folder);
        options.CredentialsJson = null;
        var missing = _folder.File("nowhere.json");

        var error = Assert.Throws<ArgumentException>(() => GoogleSheetsSink.Create(options, TimeProvider.System, new HiltDiagnostics(), name => name == GoogleSheetsSinkOptions.CredentialsPathEnvironmentVariable ? missing : null));

        Assert.Contains("GOOGLE_CREDENTIALS_PATH", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_UnknownColumn_ErrorListsValidColumns()
    {
        var options = SheetsFixture.Options(_google, _folder);
        options.Columns = [HiltColumns.Timestamp, "prompt_text"];

        var error = Assert.Throws<ArgumentException>(() => SheetsFixture.Sink(options));

        Assert.Contains("prompt_text", error.Message, StringComparison.Ordinal);
        Assert.Contains(HiltColumns.RelevanceScore, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HeaderDiffers_ErrorNamesBothHeadersAndTheWayOut()
    {
        _google.AddWorksheet("Logs", "when", "who");

        var error = Assert.Throws<InvalidOperationException>(() => SheetsFixture.Sink(SheetsFixture.Options(_google, _folder)));

        Assert.Contains("[when, who]", error.Message, StringComparison.Ordinal);
        Assert.Contains(HiltColumns.Timestamp, error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(HeaderMismatchPolicy.NewWorksheet), error.Message, StringComparison.Ordinal);
        Assert.Equal(["when", "who"], _google.Rows("Logs")[0].Select(c => c!.GetValue<string>()));
        Assert.DoesNotContain(_google.Requests, r => r.Path.StartsWith("/v4/", StringComparison.Ordinal) && r.Method is "PUT" or "POST");
    }

    [Fact]
    public async Task Create_HeaderDiffersAndNewWorksheetPolicy_WritesToTheNextFreeWorksheet()
    {
        _google.AddWorksheet("Logs", "when", "who");
        _google.AddWorksheet("Logs (2)", "other");
        var options = SheetsFixture.Options(_google, _folder);
        options.HeaderMismatch = HeaderMismatchPolicy.NewWorksheet;

        await using (var sink = SheetsFixture.Sink(options))
        {
            sink.Emit(SheetsFixture.Event(0));
            await sink.FlushAsync();
            Assert.Equal("Logs (3)", sink.Worksheet);
        }

        Assert.Equal(2, _google.Rows("Logs (3)").Count);
        Assert.Single(_google.Rows("Logs"));
        Assert.Single(_google.Rows("Logs (2)"));
    }

    [Fact]
    public async Task Create_HeaderDiffersAndOverwritePolicy_ReplacesTheHeaderRow()
    {
        _google.AddWorksheet("Logs", "when", "who");
        var options = SheetsFixture.Options(_google, _folder);
        options.HeaderMismatch = HeaderMismatchPolicy.Overwrite;
        options.Columns = [HiltColumns.EventId, HiltColumns.Action];

        await using (var sink = SheetsFixture.Sink(options))
        {
            sink.Emit(SheetsFixture.Event(0));
            await sink.FlushAsync();
        }

        var rows = _google.Rows("Logs");
        Assert.Equal([HiltColumns.EventId, HiltColumns.Action], rows[0].Select(c => c!.GetValue<string>()));
        Assert.Equal(HiltActions.Prompt, rows[1][1]!.GetValue<string>());
    }

    [Fact]
    public void Create_HeaderAlreadyMatches_WritesNoHeader()
    {
        _google.AddWorksheet("Logs", [.. HiltColumns.All]);

        using var sink = SheetsFixture.Sink(SheetsFixture.Options(_google, _folder));

        Assert.DoesNotContain(_google.Requests, r => r.Method == "PUT");
    }

    [Theory]
    [InlineData(403, "Share the sheet with")]
    [InlineData(404, "between /d/ and /edit")]
    public void Create_SpreadsheetRefused_ErrorSaysWhatToFix(int status, string expected)
    {
        _google.SpreadsheetStatus = status;

        var error = Assert.Throws<InvalidOperationException>(() => SheetsFixture.Sink(SheetsFixture.Options(_google, _folder)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(FakeGoogle.SpreadsheetId, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_GoogleDownAtStartUp_DoesNotThrowAndReportsIt()
    {
        var diagnostics = new HiltDiagnostics();
        var reports = new List<HiltDiagnostic>();
        diagnostics.Reported += reports.Add;

        using var sink = SheetsFixture.Sink(SheetsFixture.DownOptions(_key, _folder), diagnostics: diagnostics);

        Assert.Null(sink.Worksheet);
        Assert.Contains(reports, r => r.Kind == HiltDiagnosticKind.Information && r.Message.Contains("spooled", StringComparison.Ordinal));
    }

    [Fact]
    public void Create_SpoolFolderNotWritable_ErrorNamesSpoolPath()
    {
        File.WriteAllText(_folder.File("not-a-folder"), "x");
        var options = SheetsFixture.Options(_google, _folder);
        options.SpoolPath = Path.Combine(_folder.File("not-a-folder"), "spool.jsonl");

        var error = Assert.Throws<ArgumentException>(() => SheetsFixture.Sink(options));

        Assert.Equal(nameof(GoogleSheetsSinkOptions.SpoolPath), error.ParamName);
        Assert.Contains("not-a-folder", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Defaults_AreTheDocumentedOnes()
    {
        var options = new GoogleSheetsSinkOptions();

        Assert.Equal("Logs", options.WorksheetName);
        Assert.Null(options.Columns);
        Assert.Equal(HeaderMismatchPolicy.Error, options.HeaderMismatch);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BatchInterval);
        Assert.Equal(new Uri("https://sheets.googleapis.com/"), options.SheetsBaseUri);
        Assert.Null(options.TokenUri);
        Assert.True(options.VerifyAtStartup);
    }

    [Fact]
    public void Create_TokenUriOption_WinsOverTheKeyFile()
    {
        var options = SheetsFixture.Options(_google, _folder);
        options.CredentialsJson = FakeGoogle.CredentialsJson(_key, new Uri("http://127.0.0.1:9/unused"));
        options.TokenUri = _google.TokenUri;

        using var sink = SheetsFixture.Sink(options);

        Assert.Equal(1, _google.TokensIssued);
    }
}
