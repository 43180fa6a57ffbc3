using Hilt.Aop.Tests.ChatClients;
using Hilt.Aop.Tests.Interception;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Tests.Threading;

public class ConversationThreadingTests
{
    [Theory]
    [InlineData("proxy")]
    [InlineData("UseHilt")]
    public async Task SixTurns_AsGrowingHistories_ShareOneIdAndEachPromptRepliesToPreviousCompletion(string path)
    {
        using var harness = new Harness();
        var client = ChatClientTests.Wrap(harness, new FakeChatClient(), path);
        var history = new List<ChatMessage> { new(ChatRole.System, "You are a travel agent.") };

        for (var turn = 1; turn <= 6; turn++)
        {
            history.Add(new ChatMessage(ChatRole.User, $"Question {turn}"));
            var response = await client.GetResponseAsync(history);
            history.AddRange(response.Messages);
        }

        var prompts = harness.Events.Where(e => e.Action == HiltActions.Prompt).ToList();
        var completions = harness.Events.Where(e => e.Action == HiltActions.Completion).ToList();
        Assert.Equal(6, prompts.Count);
        Assert.Single(harness.Events.Select(e => e.SessionId).Distinct());
        Assert.StartsWith("conv_", prompts[0].SessionId, StringComparison.Ordinal);
        Assert.Null(prompts[0].GetExtension(HiltExtensionKeys.ReplyTo));
        for (var turn = 1; turn < 6; turn++)
        {
            Assert.Equal($"Question {turn + 1}", prompts[turn].Content!.Text);
            Assert.Equal(completions[turn - 1].EventId, prompts[turn].GetExtension(HiltExtensionKeys.ReplyTo));
        }
    }

    [Fact]
    public async Task TwoUnrelatedOneShots_GetDifferentIds()
    {
        using var harness = new Harness();
        var client = ChatClientTests.Wrap(harness, new FakeChatClient(), "UseHilt");

        await client.GetResponseAsync("What is the capital of France?");
        await client.GetResponseAsync("How tall is Everest?");

        var prompts = harness.Events.Where(e => e.Action == HiltActions.Prompt).ToList();
        Assert.NotEqual(prompts[0].SessionId, prompts[1].SessionId);
        Assert.Null(prompts[1].GetExtension(HiltExtensionKeys.ReplyTo));
    }

    [Fact]
    public async Task SameOneShotAskedTwice_StartsTwoConversations()
    {
        using var harness = new Harness();
        var client = ChatClientTests.Wrap(harness, new FakeChatClient(), "UseHilt");

        await client.GetResponseAsync("Hello");
        await client.GetResponseAsync("Hello");

        var prompts = harness.Events.Where(e => e.Action == HiltActions.Prompt).ToList();
        Assert.NotEqual(prompts[0].SessionId, prompts[1].SessionId);
        Assert.Null(prompts[1].GetExtension(HiltExtensionKeys.ReplyTo));
    }

    [Fact]
    public async Task InterleavedConversations_EachKeepsItsOwnIdAndLinks()
    {
        using var harness = new Harness();
        var client = ChatClientTests.Wrap(harness, new FakeChatClient(), "UseHilt");
        var a = new List<ChatMessage> { new(ChatRole.User, "Plan a trip to Rome") };
        var b = new List<ChatMessage> { new(ChatRole.User, "Explain monads") };

        foreach (var history in new[] { a, b, a, b })
        {
            history.AddRange((await client.GetResponseAsync(history)).Messages);
            history.Add(new ChatMessage(ChatRole.User, "go on"));
        }

        var prompts = harness.Events.Where(e => e.Action == HiltActions.Prompt).ToList();
        var completions = harness.Events.Where(e => e.Action == HiltActions.Completion).ToList();
        Assert.Equal(prompts[0].SessionId, prompts[2].SessionId);
        Assert.Equal(prompts[1].SessionId, prompts[3].SessionId);
        Assert.NotEqual(prompts[0].SessionId, prompts[1].SessionId);
        Assert.Equal(completions[0].EventId, prompts[2].GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal(completions[1].EventId, prompts[3].GetExtension(HiltExtensionKeys.ReplyTo));
    }

    [Fact]
    public async Task SameHistoryInAnotherUsersScope_GetsAnotherId()
    {
        using var harness = new Harness();
        var client = ChatClientTests.Wrap(harness, new FakeChatClient(), "UseHilt");

        using (HiltScope.Begin(new HiltSession { User = "alice" }))
        {
            await client.GetResponseAsync("Hello");
        }

        using (HiltScope.Begin(new HiltSession { User = "bob" }))
        {
            await client.GetResponseAsync("Hello");
        }

        var prompts = harness.Events.Where(e => e.Action == HiltActions.Prompt).ToList();
        Assert.NotEqual(prompts[0].SessionId, prompts[1].SessionId);
    }

    [Fact]
    public void ForHistory_ManyConversations_MemoryStaysBounded()
    {
        var threads = new ConversationThreads();
        var session = new HiltSession();

        var first = threads.ForHistory(1, 1, session).State;
        for (var i = 2; i <= ConversationThreads.Capacity + 500; i++)
        {
            threads.ForHistory(i, 1, session);
        }

        // The first conversation was forgotten: coming back with a longer history does not continue it.
        var (again, continues) = threads.ForHistory(1, 3, session);
        Assert.False(continues);
        Assert.Equal(first.Id, again.Id);
    }

    [Fact]
    public void LruMap_BeyondCapacity_ForgetsLeastRecentlyUsed()
    {
        var map = new LruMap<int, string>(3);
        map.Set(1, "a");
        map.Set(2, "b");
        map.Set(3, "c");
        Assert.True(map.TryGet(1, out _));

        map.Set(4, "d");

        Assert.Equal(3, map.Count);
        Assert.True(map.TryGet(1, out _));
        Assert.False(map.TryGet(2, out _));
    }

    [Fact]
    public void HiltHistoryFingerprint_SeparatesBoundariesAndNulls()
    {
        Assert.NotEqual(HiltHistoryFingerprint.Compute("ab", "c"), HiltHistoryFingerprint.Compute("a", "bc"));
        Assert.NotEqual(HiltHistoryFingerprint.Compute(null, "x"), HiltHistoryFingerprint.Compute(string.Empty, "x"));
        Assert.Equal(HiltHistoryFingerprint.Compute("s", "x"), HiltHistoryFingerprint.Compute("s", "x"));
        Assert.Null(HiltHistoryFingerprint.Compute(null, null));
    }
}
