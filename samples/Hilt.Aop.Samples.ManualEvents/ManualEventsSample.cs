using Microsoft.Extensions.AI;

namespace Hilt.Aop.Samples.ManualEvents;

/// <summary>
/// A retrieval-augmented answer with a tool call and the user's feedback: the intercepted chat call writes
/// the prompt and completion; the application adds what only it knows.
/// </summary>
public static class ManualEventsSample
{
    public static async Task<int> RunAsync(string logPath, TextWriter output)
    {
        logPath = Path.GetFullPath(logPath);
        await using (var recorder = new HiltRecorder(new HiltOptions().WriteToJsonl(logPath)))
        using (HiltScope.Begin("rag_chat_1", user: "alice"))
        {
            var chat = new OfflineChatClient().WithHilt(recorder);
            const string Question = "Which museum should I see first?";

            recorder.RecordRetrieval(Question,
            [
                new HiltDocument("The Musée d'Orsay holds the largest Impressionist collection.") { Id = "doc-17", Score = 0.92, Source = "guides/paris.md" },
                new HiltDocument("The Louvre is the world's most-visited museum.") { Id = "doc-4", Score = 0.81, Source = "guides/paris.md" },
            ]);

            var toolCall = recorder.RecordToolCall("opening_hours", """{"museum":"orsay"}""", callId: "call_1");
            recorder.RecordToolResult("opening_hours", "Tue–Sun 9:30–18:00", callId: "call_1", replyTo: toolCall.EventId);

            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, Question)]);
            output.WriteLine($"> {Question}");
            output.WriteLine($"  {response.Text}");

            var completion = response.AdditionalProperties?.TryGetValue("hilt_event_id", out var id) == true ? id as string : null;
            recorder.RecordFeedback(completion ?? toolCall.EventId, rating: 1, comment: "Helpful");
            recorder.RecordGuardrail("pii-filter", "allow", reason: "no personal data in the reply");
        }

        LogSummary.Print(logPath, output);
        return 0;
    }
}
