using Hilt.Aop.Samples.ManualEvents;
using Hilt.Aop.Testing;

namespace Hilt.Aop.Samples.Tests;

public class ManualEventsSampleTests
{
    [Fact]
    public async Task RunAsync_RagTurn_WritesEveryKindOfEventInOneConversation()
    {
        using var folder = new TempFolder();
        var path = folder.File("manual.jsonl");

        Assert.Equal(0, await ManualEventsSample.RunAsync(path, new StringWriter()));

        var events = HiltJsonlReader.ReadFile(path).Events;
        Assert.Equal(
            [HiltActions.Retrieval, HiltActions.ToolCall, HiltActions.ToolResult, HiltActions.Prompt, HiltActions.Completion, HiltActions.Feedback, HiltActions.System],
            events.Select(e => e.Action).ToArray());
        Assert.All(events, e => Assert.Equal("conv_9d6ded566067", e.SessionId));
        var completion = events.Single(e => e.Action == HiltActions.Completion);
        Assert.Equal(completion.EventId, events.Single(e => e.Action == HiltActions.Feedback).GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal(0.92, Convert.ToDouble(events[0].GetExtension(HiltExtensionKeys.Score)));
    }
}
