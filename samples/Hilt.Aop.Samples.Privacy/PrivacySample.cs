using Microsoft.Extensions.AI;

namespace Hilt.Aop.Samples.Privacy;

/// <summary>
/// Column selection for privacy: the file keeps who, when, how much and how fast, but no message text.
/// </summary>
public static class PrivacySample
{
    public static readonly string[] Columns =
        [HiltColumns.Timestamp, HiltColumns.ConversationId, HiltColumns.Speaker, HiltColumns.Action, HiltColumns.StatusCode,
         HiltColumns.TokensIn, HiltColumns.TokensOut, HiltColumns.CostUsd, HiltColumns.LatencyMs, HiltColumns.Model];

    public static async Task<int> RunAsync(string logPath, TextWriter output)
    {
        logPath = Path.GetFullPath(logPath);
        await using (var recorder = new HiltRecorder(new HiltOptions().WriteToJsonl(logPath, o => o.Columns = Columns)))
        {
            var chat = new OfflineChatClient().WithHilt(recorder);
            await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "What is the capital of France? My card number is 4111 1111 1111 1111.")]);
        }

        output.WriteLine($"Columns: {string.Join(", ", Columns)}");
        foreach (var line in File.ReadLines(logPath))
        {
            output.WriteLine(line);
        }

        output.WriteLine($"File: {logPath}");
        return 0;
    }
}
