using Hilt.Aop.GoogleSheets;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Samples.GoogleSheets;

/// <summary>Logs a short chat to a Google Sheets worksheet, one row per event, in near real time.</summary>
public static class GoogleSheetsSample
{
    /// <param name="output">Where to print.</param>
    /// <param name="configure">Extra settings (tests point the sink at a fake Google on 127.0.0.1).</param>
    public static async Task<int> RunAsync(TextWriter output, Action<GoogleSheetsSinkOptions>? configure = null)
    {
        var sheetId = Environment.GetEnvironmentVariable("GOOGLE_SHEET_ID");
        var credentials = Environment.GetEnvironmentVariable("GOOGLE_CREDENTIALS_PATH");
        if (configure is null && (string.IsNullOrWhiteSpace(sheetId) || string.IsNullOrWhiteSpace(credentials)))
        {
            output.WriteLine("To log to Google Sheets, set:");
            output.WriteLine("  GOOGLE_CREDENTIALS_PATH  the service account's JSON key file");
            output.WriteLine("  GOOGLE_SHEET_ID          the id in the sheet's URL (docs.google.com/spreadsheets/d/<id>/edit)");
            output.WriteLine("and share the sheet with the service account's e-mail as an editor. See docs/google-sheets.md.");
            return 0;
        }

        await using (var recorder = new HiltRecorder(new HiltOptions().WriteToGoogleSheets(o =>
        {
            o.SpreadsheetId = sheetId;
            o.CredentialsPath = credentials;
            o.WorksheetName = "Logs";
            configure?.Invoke(o);
        })))
        {
            var chat = new OfflineChatClient().WithHilt(recorder);
            List<ChatMessage> history = [];
            foreach (var question in new[] { "What is the capital of France?", "How many people live there?" })
            {
                history.Add(new ChatMessage(ChatRole.User, question));
                var response = await chat.GetResponseAsync(history);
                history.AddRange(response.Messages);
                output.WriteLine($"> {question}");
                output.WriteLine($"  {response.Text}");
            }
        }

        output.WriteLine("Rows sent to the worksheet 'Logs' (disposing the recorder drains the queue).");
        return 0;
    }
}
