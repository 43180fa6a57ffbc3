namespace Hilt.Aop.OpenAI.Tests;

internal static class EventAssert
{
    /// <summary>Asserts a prompt and its completion (or error), linked by <c>reply_to</c>, and returns both.</summary>
    public static (HiltEvent Prompt, HiltEvent Reply) PromptAndReply(IReadOnlyList<HiltEvent> events, string replyAction = HiltActions.Completion)
    {
        Assert.Equal(2, events.Count);
        var prompt = events[0];
        var reply = events[1];
        Assert.Equal(HiltActions.Prompt, prompt.Action);
        Assert.Equal(replyAction, reply.Action);
        Assert.Equal(prompt.EventId, reply.GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal(prompt.SessionId, reply.SessionId);
        return (prompt, reply);
    }

    public static long Long(HiltEvent e, string key) => Convert.ToInt64(e.GetExtension(key), System.Globalization.CultureInfo.InvariantCulture);
}
