using Hilt.Aop.Quickstart;
using Hilt.Aop.Testing;

namespace Hilt.Aop.Samples.Tests;

public class QuickstartSampleTests
{
    [Fact]
    public async Task RunAsync_Offline_WritesThreadedConversationAndOneError()
    {
        using var folder = new TempFolder();
        var path = folder.File("logs/chat.jsonl");
        var output = new StringWriter();

        Assert.Equal(0, await QuickstartSample.RunAsync(path, output));

        var read = HiltJsonlReader.ReadFile(path);
        Assert.False(read.HasTornLastLine);
        var events = read.Events;
        var prompts = events.Where(e => e.Action == HiltActions.Prompt).ToList();
        var completions = events.Where(e => e.Action == HiltActions.Completion).ToList();
        var error = Assert.Single(events, e => e.Action == HiltActions.System);

        Assert.Equal(4, prompts.Count);
        Assert.Equal(3, completions.Count);

        // The three turns thread into one conversation; the failing one-shot call is a conversation of its own.
        Assert.Single(completions.Select(e => e.SessionId).Distinct());
        Assert.NotEqual(completions[0].SessionId, error.SessionId);
        for (var turn = 1; turn < 3; turn++)
        {
            Assert.Equal(completions[turn - 1].EventId, prompts[turn].GetExtension(HiltExtensionKeys.ReplyTo));
        }

        Assert.All(completions, c =>
        {
            Assert.Equal("gpt-4o-mini-2024-07-18", c.GetExtension(HiltExtensionKeys.Model));
            Assert.True(c.Metrics?.Tokens?.Prompt > 0);
            Assert.True(c.Metrics?.CostUsd > 0m);
        });

        Assert.Equal(429L, Convert.ToInt64(error.GetExtension(HiltExtensionKeys.StatusCode)));
        Assert.Equal("rate_limit", error.GetExtension(HiltExtensionKeys.ErrorCode));
        Assert.Contains("Logged 8 events", output.ToString());
        Assert.Contains(path, output.ToString());
    }
}
