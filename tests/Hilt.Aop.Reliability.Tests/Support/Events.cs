namespace Hilt.Aop.Reliability.Tests;

/// <summary>Builds plain events for tests that do not go through an interceptor.</summary>
internal static class Events
{
    private static readonly DateTimeOffset Epoch = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);

    public static HiltEvent Prompt(string text, string conversationId = "conv_000000000000", DateTimeOffset? at = null)
    {
        var timestamp = at ?? Epoch;
        return new HiltEvent(HiltEventIds.NewId(timestamp), timestamp, conversationId, new HiltActor(HiltActorTypes.Human, "user"), HiltActions.Prompt)
        {
            Content = new HiltContent(text),
        };
    }
}
