using System.ClientModel;
using Hilt.Aop.Samples;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Hilt.Aop.Quickstart;

/// <summary>A three-turn chat and one failing call through a logged <see cref="IChatClient"/>.</summary>
public static class QuickstartSample
{
    public static async Task<int> RunAsync(string logPath, TextWriter output)
    {
        logPath = Path.GetFullPath(logPath);

        // 1. One recorder for the application, writing HILT JSONL.
        await using var recorder = new HiltRecorder(new HiltOptions().WriteToJsonl(logPath));

        // 2. Wrap the chat client: every call through the proxy is logged, nothing else changes.
        IChatClient chat = HiltProxy.Create(CreateChatClient(out var mode), recorder);
        output.WriteLine($"Model: {mode}");

        // 3. Use it as usual: a multi-turn conversation threads itself into one conversation id.
        List<ChatMessage> history = [new(ChatRole.System, "You are a concise travel assistant.")];
        string[] questions = ["What is the capital of France?", "How many people live there?", "Which museum should I see first?"];
        foreach (var question in questions)
        {
            history.Add(new ChatMessage(ChatRole.User, question));
            var response = await chat.GetResponseAsync(history);
            history.AddRange(response.Messages);
            output.WriteLine($"> {question}");
            output.WriteLine($"  {response.Text}");
        }

        // 4. A failing call: the caller gets the original exception, the log gets an error event.
        try
        {
            await chat.GetResponseAsync([new ChatMessage(ChatRole.User, "Please trigger the rate limit.")], new ChatOptions { ModelId = "gpt-hilt-missing-model" });
        }
        catch (Exception ex)
        {
            output.WriteLine($"> (failing call) {ex.GetType().Name}: {ex.Message}");
        }

        // 5. Make sure everything is on disk, then summarise what was logged.
        await recorder.FlushAsync();
        LogSummary.Print(logPath, output);
        return 0;
    }

    private static IChatClient CreateChatClient(out string mode)
    {
        var apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY");
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            mode = $"{OfflineChatClient.ModelName} (offline stand-in; set OPENAI_API_KEY to use OpenAI)";
            return new OfflineChatClient();
        }

        var options = new OpenAIClientOptions();
        if (Environment.GetEnvironmentVariable("OPENAI_BASE_URL") is { Length: > 0 } baseUrl)
        {
            options.Endpoint = new Uri(baseUrl);
        }

        var model = Environment.GetEnvironmentVariable("OPENAI_MODEL") ?? "gpt-4o-mini";
        mode = $"{model} via {options.Endpoint?.ToString() ?? "https://api.openai.com/v1"}";
        return new OpenAI.Chat.ChatClient(model, new ApiKeyCredential(apiKey), options).AsIChatClient();
    }
}
