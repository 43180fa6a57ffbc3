using System.Globalization;
using Hilt.Aop;

// Usage: Hilt.Aop.Appender <path> <count|forever|undisposed:count> <id-prefix>
// Appends events whose ids are "<id-prefix>-<n>" through a JsonlSink, then disposes it (drains) and exits 0.
// "undisposed:N" appends N events and returns without disposing, leaving the drain to process exit.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Hilt.Aop.Appender <path> <count|forever> <id-prefix>");
    return 2;
}

var path = args[0];
var forever = args[1] == "forever";
var undisposed = args[1].StartsWith("undisposed:", StringComparison.Ordinal);
var count = forever ? long.MaxValue : long.Parse(undisposed ? args[1]["undisposed:".Length..] : args[1], CultureInfo.InvariantCulture);
var prefix = args[2];
var diagnostics = new HiltDiagnostics();
var text = "child line with \"quotes\", a tab\tand an emoji \U0001F600 " + new string('x', 200);

if (undisposed)
{
    var sink = new JsonlSink(new JsonlSinkOptions { Path = path }, TimeProvider.System, diagnostics);
    for (long i = 0; i < count; i++)
    {
        sink.Emit(new HiltEvent($"{prefix}-{i}", TimeProvider.System.GetUtcNow(), "conv_appender", new HiltActor(HiltActorTypes.Agent, "appender"), HiltActions.Completion));
    }

    return 0;
}

await using (var sink = new JsonlSink(new JsonlSinkOptions { Path = path, FullQueueWait = TimeSpan.FromSeconds(5) }, TimeProvider.System, diagnostics))
{
    var actor = new HiltActor(HiltActorTypes.Agent, "appender");
    for (long i = 0; i < count; i++)
    {
        sink.Emit(new HiltEvent($"{prefix}-{i}", TimeProvider.System.GetUtcNow(), "conv_appender", actor, HiltActions.Completion)
        {
            Content = new HiltContent(text),
        });

        if (forever && i % 100 == 99)
        {
            await sink.FlushAsync();
            Console.Out.WriteLine(i + 1);
            Console.Out.Flush();
        }
    }
}

return diagnostics.LostEvents == 0 ? 0 : 1;
