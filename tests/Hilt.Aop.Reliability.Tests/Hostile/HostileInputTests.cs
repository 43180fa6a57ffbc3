using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace Hilt.Aop.Reliability.Tests;

/// <summary>
/// Odd and hostile messages through an intercepted <see cref="IChatClient"/>: the call is unchanged (same response
/// instance, same messages reach the target) and each event is exactly one valid line with the text preserved.
/// </summary>
[Trait(Category.Name, Category.HostileInput)]
public sealed class HostileInputTests
{
    private static readonly TimeSpan CallBound = TimeSpan.FromSeconds(3);

    [Theory]
    [MemberData(nameof(HostileText.Names), MemberType = typeof(HostileText))]
    public async Task GetResponseAsync_HostileMessage_CallUnchangedAndOneValidLinePerEvent(string name)
    {
        var text = HostileText.Cases[name];
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "fine"));
        var target = new EchoChatClient(response);
        var messages = new List<ChatMessage> { new(ChatRole.User, text) };

        var (result, lines, events) = await CallThroughJsonlAsync(target, proxy => proxy.GetResponseAsync(messages));

        Assert.Same(response, result);
        Assert.Same(messages, target.LastMessages);
        Assert.Equal(2, lines.Length);
        var prompt = Assert.Single(events, e => e.Action == HiltActions.Prompt);
        Assert.Equal(HostileText.Expected(text) ?? string.Empty, prompt.Content?.Text ?? string.Empty);
        Assert.Single(events, e => e.Action == HiltActions.Completion);
    }

    [Fact]
    public async Task GetResponseAsync_NullMessageList_TargetSeesNullAndEventsAreValid()
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "fine"));
        var target = new EchoChatClient(response);

        var (result, lines, events) = await CallThroughJsonlAsync(target, proxy => proxy.GetResponseAsync(null!));

        Assert.Same(response, result);
        Assert.Null(target.LastMessages);
        Assert.Equal(2, lines.Length);
        Assert.Single(events, e => e.Action == HiltActions.Completion);
    }

    [Fact]
    public async Task GetResponseAsync_NullMessageInTheList_CallUnchangedAndLogged()
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "fine"));
        var target = new EchoChatClient(response);
        var messages = new List<ChatMessage> { new(ChatRole.User, "hello"), null! };
        var diagnostics = new HiltDiagnostics();

        var (result, _, events) = await CallThroughJsonlAsync(target, proxy => proxy.GetResponseAsync(messages), diagnostics);

        // The call goes through untouched, and Hilt logs it from the messages it can read.
        Assert.Same(response, result);
        Assert.Same(messages, target.LastMessages);
        Assert.Equal(0, diagnostics.InternalErrors);
        Assert.Equal(2, events.Count);
        Assert.Equal("hello", events[0].Content?.Text);
    }

    [Fact]
    public async Task GetResponseAsync_TenThousandMessageHistory_OneLinePerEventAndTheNewestUserTextLogged()
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, "You are terse.") };
        for (var i = 0; i < 5_000; i++)
        {
            messages.Add(new ChatMessage(ChatRole.User, $"question {i}"));
            messages.Add(new ChatMessage(ChatRole.Assistant, $"answer {i}"));
        }

        messages.RemoveAt(messages.Count - 1);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, "answer 4999"));
        var target = new EchoChatClient(response);
        var watch = Stopwatch.StartNew();

        var (result, lines, events) = await CallThroughJsonlAsync(target, proxy => proxy.GetResponseAsync(messages));

        Assert.Same(response, result);
        Assert.Equal(10_000, messages.Count);
        Assert.Equal(2, lines.Length);
        Assert.Equal("question 4999", Assert.Single(events, e => e.Action == HiltActions.Prompt).Content?.Text);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"A 10,000-message call took {watch.Elapsed}.");
    }

    [Fact]
    public async Task GetResponseAsync_TargetThrowsWithHostileMessage_SameExceptionAndOneValidErrorLine()
    {
        var thrown = new InvalidOperationException("bad \u2028 \uD800 \"{}\" \0 end");
        var target = new EchoChatClient(toThrow: thrown);

        var (caught, lines, events) = await CallThroughJsonlAsync(target, async proxy =>
            await Assert.ThrowsAsync<InvalidOperationException>(() => proxy.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")])));

        Assert.Same(thrown, caught);
        Assert.Equal(2, lines.Length);
        var error = Assert.Single(events, e => e.Action == HiltActions.System);
        Assert.Contains(HostileText.Expected(thrown.Message)!, error.Content?.Text, StringComparison.Ordinal);
    }

    private static async Task<(T Result, string[] Lines, IReadOnlyList<HiltEvent> Events)> CallThroughJsonlAsync<T>(IChatClient target, Func<IChatClient, Task<T>> call, HiltDiagnostics? diagnostics = null)
    {
        using var folder = new TempFolder();
        var path = folder.File("chat.jsonl");
        var options = new HiltOptions().WriteToJsonl(path);
        if (diagnostics is not null)
        {
            options.Diagnostics.Reported += diagnostics.Report;
        }

        T result;
        var watch = Stopwatch.StartNew();
        await using (var recorder = new HiltRecorder(options))
        {
            var proxy = HiltProxy.Create(target, recorder);
            watch.Restart();
            result = await call(proxy);
            watch.Stop();
        }

        // The caller pays for the prompt's redaction and an enqueue, never for serialisation or I/O.
        Assert.True(watch.Elapsed < CallBound, $"The intercepted call took {watch.Elapsed}.");
        Assert.Equal(0, options.Diagnostics.LostEvents);
        if (!File.Exists(path))
        {
            return (result, [], []);
        }

        var bytes = await File.ReadAllBytesAsync(path);
        var lines = System.Text.Encoding.UTF8.GetString(bytes).Split('\n');
        Assert.Equal(string.Empty, lines[^1]);
        var read = HiltJsonlReader.ReadFile(path);
        Assert.False(read.HasTornLastLine);
        return (result, lines[..^1], read.Events);
    }
}
