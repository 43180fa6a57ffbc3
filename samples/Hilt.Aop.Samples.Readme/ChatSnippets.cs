using Autofac;
using Hilt.Aop;
using Hilt.Aop.Autofac;
using Hilt.Aop.Autofac.Interception;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Samples.Readme;

/// <summary>The README's snippets that use <see cref="IChatClient"/>, Autofac and the sinks, in the README's order.</summary>
public static class ChatSnippets
{
    public static async Task QuickStartAsync(IChatClient myChatClient)
    {
        await using var recorder = new HiltRecorder(new HiltOptions().WriteToJsonl("logs/chat.jsonl"));
        IChatClient chat = HiltProxy.Create(myChatClient, recorder);   // or myChatClient.WithHilt(recorder)

        var response = await chat.GetResponseAsync("What is the capital of France?");
        // logs/chat.jsonl now holds a prompt and its completion: text, tokens, cost, latency, status 200
    }

    public static HiltOptions Columns() =>
        new HiltOptions().WriteToJsonl("logs/usage.jsonl", o => o.Columns = ["timestamp", "conversation_id", "speaker", "tokens_in", "tokens_out", "cost_usd"]);

    public static HiltOptions GoogleSheets() =>
        new HiltOptions().WriteToGoogleSheets(s => { s.SpreadsheetId = "1AbC...xyz"; s.CredentialsPath = "/secrets/writer.json"; });

    public static IContainer Autofac()
    {
        var builder = new ContainerBuilder();
        builder.AddHilt(o => o.WriteToJsonl("logs/chat.jsonl"));
        builder.RegisterType<SupportBot>().As<ISupportBot>().EnableInterfaceInterceptors().InterceptedBy(typeof(HiltInterceptor));
        var container = builder.Build();
        using (container.BeginHiltScope(new HiltSession { Tenant = "acme", User = "alice" }))
        {
        }

        return container;
    }

    public static IChatClient Pipeline(IChatClient innerClient, HiltRecorder recorder)
    {
        IChatClient chat = new ChatClientBuilder(innerClient).UseHilt(recorder).Build();
        return chat;
    }

    public static async Task SessionsAsync(IChatClient chat)
    {
        using (HiltScope.Begin("ticket-4711", tenant: "acme", user: "alice"))
        {
            await chat.GetResponseAsync("Where is my order?");   // every call in here, and all it awaits, logs under this session
        }
    }

    public static void ManualEvents(HiltRecorder recorder, string question, string text)
    {
        recorder.RecordRetrieval(question, [new HiltDocument(text) { Id = "doc-17", Score = 0.92 }]);
        var call = recorder.RecordToolCall("opening_hours", """{"museum":"orsay"}""", callId: "call_1");
        recorder.RecordToolResult("opening_hours", "Tue–Sun 9:30–18:00", callId: "call_1", replyTo: call.EventId);
        recorder.RecordFeedback(recorder.LastCompletionId!, rating: 1, comment: "Helpful");
        recorder.RecordGuardrail("pii-filter", "allow");
    }
}
