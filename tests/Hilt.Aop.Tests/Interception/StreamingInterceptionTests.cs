namespace Hilt.Aop.Tests.Interception;

public class StreamingInterceptionTests
{
    [Fact]
    public async Task Intercept_StreamReadToEnd_LogsOneCompletionWithJoinedTextAndTtft()
    {
        using var harness = new Harness();
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        var received = new List<string>();
        await foreach (var chunk in proxy.StreamAsync("greet"))
        {
            received.Add(chunk);
        }

        Assert.Equal(bot.Chunks, received);
        var prompt = harness.Single(HiltActions.Prompt);
        var completion = harness.Single(HiltActions.Completion);
        Assert.Equal("Hello world", completion.Content!.Text);
        Assert.Equal(prompt.EventId, completion.GetExtension(HiltExtensionKeys.ReplyTo));
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Stream));
        Assert.Null(completion.GetExtension(HiltExtensionKeys.Partial));
        Assert.Equal(250L, Harness.Ext(completion, HiltExtensionKeys.TtftMs));
        Assert.Equal(1000L, Harness.Ext(completion, HiltExtensionKeys.LatencyMs));
        Assert.DoesNotContain(harness.Events, e => e.Action == HiltActions.CompletionChunk);
    }

    [Fact]
    public async Task Intercept_StreamAbandonedAfterTwoChunks_LogsOnePartialCompletion()
    {
        using var harness = new Harness();
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        var received = 0;
        await foreach (var chunk in proxy.StreamAsync("greet"))
        {
            if (++received == 2)
            {
                break;
            }
        }

        Assert.True(bot.StreamFinalized);
        var completion = harness.Single(HiltActions.Completion);
        Assert.Equal("Hello", completion.Content!.Text);
        Assert.Equal(true, completion.GetExtension(HiltExtensionKeys.Partial));
        Assert.Equal(2, harness.Events.Count);
    }

    [Fact]
    public async Task Intercept_Stream_IsLazyUntilEnumerated()
    {
        using var harness = new Harness();
        var bot = new Bot(harness.Clock);
        var proxy = harness.Proxy<IBot>(bot);

        var stream = proxy.StreamAsync("greet");

        Assert.Equal(0, bot.StreamsStarted);
        Assert.Single(harness.Events);
        await using var enumerator = stream.GetAsyncEnumerator();
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(1, bot.ChunksProduced);
        Assert.Equal("Hel", enumerator.Current);
    }

    [Fact]
    public async Task Intercept_StreamFails_RethrowsSameInstanceAndLogsOneError()
    {
        using var harness = new Harness();
        var failure = new HttpRequestException("boom", null, System.Net.HttpStatusCode.BadGateway);
        var proxy = harness.Proxy<IBot>(new Bot(harness.Clock) { Failure = failure });

        var caught = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var unused in proxy.StreamAsync("greet"))
            {
            }
        });

        Assert.Same(failure, caught);
        var error = harness.Single(HiltActions.System);
        Assert.Equal(502L, Harness.Ext(error, HiltExtensionKeys.StatusCode));
        Assert.Equal("server_error", error.GetExtension(HiltExtensionKeys.ErrorCode));
        Assert.DoesNotContain(harness.Events, e => e.Action == HiltActions.Completion);
    }

    [Fact]
    public async Task Intercept_StreamCancelledByCaller_RethrowsAndLogsCancelled()
    {
        using var harness = new Harness();
        var proxy = harness.Proxy<IBot>(new Bot(harness.Clock));
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var unused in proxy.StreamAsync("greet", cts.Token))
            {
                await cts.CancelAsync();
            }
        });

        var error = harness.Single(HiltActions.System);
        Assert.Equal(499L, Harness.Ext(error, HiltExtensionKeys.StatusCode));
    }

    [Fact]
    public async Task Intercept_StreamWithChunkLogging_WritesIndexedChunkEvents()
    {
        using var harness = new Harness(o => o.LogStreamingChunks = true);
        var proxy = harness.Proxy<IBot>(new Bot(harness.Clock));

        await foreach (var unused in proxy.StreamAsync("greet"))
        {
        }

        var prompt = harness.Single(HiltActions.Prompt);
        var chunks = harness.Events.Where(e => e.Action == HiltActions.CompletionChunk).ToList();
        Assert.Equal(["Hel", "lo", " wor", "ld"], chunks.Select(c => c.Content!.Text));
        Assert.Equal([1L, 2L, 3L, 4L], chunks.Select(c => Harness.Ext(c, HiltExtensionKeys.StreamIndex)));
        Assert.All(chunks, c => Assert.Equal(prompt.EventId, c.GetExtension(HiltExtensionKeys.ReplyTo)));
        Assert.Equal(HiltActions.Completion, harness.Events[^1].Action);
    }
}
