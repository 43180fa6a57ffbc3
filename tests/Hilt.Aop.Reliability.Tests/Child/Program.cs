using System.Globalization;
using Hilt.Aop;

// Usage:
//   loop <path> <fsync: true|false>   logs forever; after each flush prints "flushed <n>": events 0..n-1 were written.
//   exit <path> <count>               queues <count> events through a recorder and returns from Main without disposing.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: loop <path> <true|false> | exit <path> <count>");
    return 2;
}

var path = args[1];
var actor = new HiltActor(HiltActorTypes.Human, "child");
var text = "a prompt with \"quotes\", a tab\t, a line\nbreak, \u2028, and an emoji \U0001F600 " + new string('x', 300);

HiltEvent Create(long n) => new($"child-{n}", TimeProvider.System.GetUtcNow(), "conv_child", actor, HiltActions.Prompt)
{
    Content = new HiltContent(text),
};

switch (args[0])
{
    case "loop":
    {
        var fsync = bool.Parse(args[2]);
        var sink = new JsonlSink(new JsonlSinkOptions { Path = path, FlushToDisk = fsync, FullQueueWait = TimeSpan.FromSeconds(5) });
        for (long n = 0; ; n++)
        {
            sink.Emit(Create(n));
            if (n % 25 == 24)
            {
                await sink.FlushAsync();
                Console.Out.WriteLine($"flushed {(n + 1).ToString(CultureInfo.InvariantCulture)}");
                Console.Out.Flush();
            }
        }
    }

    case "exit":
    {
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var options = new HiltOptions().WriteToJsonl(path, o => o.QueueCapacity = count);
        var recorder = new HiltRecorder(options);
        for (var n = 0; n < count; n++)
        {
            recorder.Emit(Create(n));
        }

        Console.Out.WriteLine("queued");
        Console.Out.Flush();

        // No Dispose: the library must drain on process exit, or report what it could not write.
        GC.KeepAlive(recorder);
        return 0;
    }

    default:
        return 2;
}
