using System.Security.Cryptography;
using Hilt.Aop.Samples.GoogleSheets;
using Hilt.Aop.Testing;

namespace Hilt.Aop.GoogleSheets.Tests;

/// <summary>Runs samples/Hilt.Aop.Samples.GoogleSheets against the fake Google, so the sample cannot rot.</summary>
public class GoogleSheetsSampleTests
{
    [Fact]
    public async Task RunAsync_AgainstFakeGoogle_AppendsHeaderAndOneRowPerEvent()
    {
        using var key = RSA.Create(2048);
        await using var fake = await FakeGoogle.StartAsync(key);
        using var folder = new TempFolder();
        var target = SheetsFixture.Options(fake, folder);
        var output = new StringWriter();

        var exit = await GoogleSheetsSample.RunAsync(output, o =>
        {
            o.SpreadsheetId = target.SpreadsheetId;
            o.CredentialsPath = null;
            o.CredentialsJson = target.CredentialsJson;
            o.SheetsBaseUri = target.SheetsBaseUri;
            o.BatchInterval = target.BatchInterval;
            o.SpoolPath = target.SpoolPath;
        });

        Assert.Equal(0, exit);
        var rows = fake.Rows("Logs");
        Assert.Equal(HiltColumns.All, rows[0].Select(cell => cell!.GetValue<string>()).ToArray());
        Assert.Equal(5, rows.Count);
        var messages = rows.Skip(1).Select(r => r[Array.IndexOf(HiltColumns.All.ToArray(), HiltColumns.Message)]?.ToString()).ToList();
        Assert.Equal("What is the capital of France?", messages[0]);
        Assert.Equal("The capital of France is Paris.", messages[1]);
        Assert.False(File.Exists(target.SpoolPath) && new FileInfo(target.SpoolPath!).Length > 0);
    }

    [Fact]
    public async Task RunAsync_WithoutCredentials_PrintsHowToSetThem()
    {
        if (Environment.GetEnvironmentVariable("GOOGLE_SHEET_ID") is { Length: > 0 })
        {
            return; // A machine with real credentials runs the sample for real instead.
        }

        var output = new StringWriter();
        Assert.Equal(0, await GoogleSheetsSample.RunAsync(output));
        Assert.Contains("GOOGLE_CREDENTIALS_PATH", output.ToString());
        Assert.Contains("docs/google-sheets.md", output.ToString());
    }
}
