using System.Text;
using Microsoft.AspNetCore.Http;

namespace Hilt.Aop.Testing;

/// <summary>A scripted reply of a fake server: a JSON body, a server-sent event stream, a delay, or silence.</summary>
public sealed class FakeReply
{
    private FakeReply()
    {
    }

    public int StatusCode { get; private init; } = 200;

    /// <summary>Gets the JSON body, built from the request (so a reply can echo it).</summary>
    public Func<FakeRequest, string>? Body { get; private init; }

    /// <summary>Gets the <c>data:</c> payloads of a server-sent event stream (without the final <c>[DONE]</c>).</summary>
    public IReadOnlyList<string>? Events { get; private init; }

    /// <summary>Gets the event names of an Anthropic-style stream, parallel to <see cref="Events"/>.</summary>
    public IReadOnlyList<string>? EventNames { get; private init; }

    public bool TerminateWithDone { get; private init; } = true;

    public TimeSpan Delay { get; private init; }

    public TimeSpan EventDelay { get; private init; }

    /// <summary>Gets how long the stream stays open after its events (to observe a client that goes away).</summary>
    public TimeSpan HoldOpen { get; private init; }

    public bool Hang { get; private init; }

    public static FakeReply Status(int statusCode, string json) => new() { StatusCode = statusCode, Body = _ => json };

    public static FakeReply Status(int statusCode, Func<FakeRequest, string> json) => new() { StatusCode = statusCode, Body = json };

    public static FakeReply Json(string json) => Status(200, json);

    public static FakeReply Json(Func<FakeRequest, string> json) => new() { Body = json };

    public static FakeReply Stream(IReadOnlyList<string> events, IReadOnlyList<string>? eventNames = null, bool done = true) =>
        new() { Events = events, EventNames = eventNames, TerminateWithDone = done };

    /// <summary>Never answers: waits until the client gives up.</summary>
    public static FakeReply Silence() => new() { Hang = true };

    public FakeReply WithDelay(TimeSpan delay) => Copy(Delay: delay);

    public FakeReply WithEventDelay(TimeSpan delay) => Copy(EventDelay: delay);

    public FakeReply WithHoldOpen(TimeSpan holdOpen) => Copy(HoldOpen: holdOpen);

    internal async Task WriteAsync(HttpContext context, FakeRequest request)
    {
        var aborted = context.RequestAborted;
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, aborted).ConfigureAwait(false);
            return;
        }

        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, aborted).ConfigureAwait(false);
        }

        context.Response.StatusCode = StatusCode;
        if (Events is null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Body?.Invoke(request) ?? "{}", aborted).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        for (var i = 0; i < Events.Count; i++)
        {
            if (i > 0 && EventDelay > TimeSpan.Zero)
            {
                await Task.Delay(EventDelay, aborted).ConfigureAwait(false);
            }

            var text = new StringBuilder();
            if (EventNames is not null)
            {
                text.Append("event: ").Append(EventNames[i]).Append('\n');
            }

            text.Append("data: ").Append(Events[i]).Append("\n\n");
            await context.Response.WriteAsync(text.ToString(), aborted).ConfigureAwait(false);
            await context.Response.Body.FlushAsync(aborted).ConfigureAwait(false);
        }

        if (HoldOpen > TimeSpan.Zero)
        {
            await Task.Delay(HoldOpen, aborted).ConfigureAwait(false);
        }

        if (TerminateWithDone)
        {
            await context.Response.WriteAsync("data: [DONE]\n\n", aborted).ConfigureAwait(false);
        }
    }

    private FakeReply Copy(TimeSpan? Delay = null, TimeSpan? EventDelay = null, TimeSpan? HoldOpen = null) => new()
    {
        StatusCode = StatusCode,
        Body = Body,
        Events = Events,
        EventNames = EventNames,
        TerminateWithDone = TerminateWithDone,
        Hang = Hang,
        Delay = Delay ?? this.Delay,
        EventDelay = EventDelay ?? this.EventDelay,
        HoldOpen = HoldOpen ?? this.HoldOpen,
    };
}
